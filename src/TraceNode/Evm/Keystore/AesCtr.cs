using System.Security.Cryptography;

namespace Trace.Node.Evm.Keystore;

/// <summary>AES-CTR with a 128-bit big-endian counter (as Web3 Secret Storage uses), built on AES-ECB keystream blocks.</summary>
internal static class AesCtr
{
    public static byte[] Transform(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> input)
    {
        if (iv.Length != 16) throw new KeystoreException($"keystore field 'crypto.cipherparams.iv' must be 16 bytes, got {iv.Length}");
        using var aes = Aes.Create();
        aes.Key = key.ToArray();
        var blocks = (input.Length + 15) / 16;
        var counters = new byte[blocks * 16];
        Span<byte> counter = stackalloc byte[16];
        iv.CopyTo(counter);
        for (var b = 0; b < blocks; b++)
        {
            counter.CopyTo(counters.AsSpan(b * 16));
            Increment(counter);
        }
        var keystream = aes.EncryptEcb(counters, PaddingMode.None);
        var output = new byte[input.Length];
        for (var i = 0; i < input.Length; i++) output[i] = (byte)(input[i] ^ keystream[i]);
        CryptographicOperations.ZeroMemory(keystream);
        return output;
    }

    // The whole 16-byte block is the counter and wraps around (an all-ones IV is legal).
    private static void Increment(Span<byte> counter)
    {
        for (var i = counter.Length - 1; i >= 0; i--)
            if (++counter[i] != 0) return;
    }
}
