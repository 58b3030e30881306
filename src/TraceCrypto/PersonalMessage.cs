using System.Globalization;

namespace Trace.Crypto;

/// <summary>EIP-191 version 0x45 ("personal_sign") message hashing.</summary>
public static class PersonalMessage
{
    /// <summary>keccak256("\u0019Ethereum Signed Message:\n" + decimal length + message).</summary>
    public static byte[] Hash(ReadOnlySpan<byte> message)
    {
        var prefix = System.Text.Encoding.ASCII.GetBytes("\u0019Ethereum Signed Message:\n" + message.Length.ToString(CultureInfo.InvariantCulture));
        var buffer = new byte[prefix.Length + message.Length];
        prefix.CopyTo(buffer, 0);
        message.CopyTo(buffer.AsSpan(prefix.Length));
        return Keccak256.Hash(buffer);
    }

    /// <summary>Hashes the UTF-8 bytes of <paramref name="message"/>.</summary>
    public static byte[] Hash(string message) => Hash(System.Text.Encoding.UTF8.GetBytes(message));
}
