using System.Security.Cryptography;

namespace Trace.Crypto;

/// <summary>SHA-256 on spans (content hashes of documents and canonical records).</summary>
public static class Sha256Hash
{
    /// <summary>Digest length in bytes.</summary>
    public const int Size = 32;

    /// <summary>Hashes <paramref name="data"/> into <paramref name="destination"/> (32 bytes).</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination) => SHA256.HashData(data, destination);

    /// <summary>Hashes <paramref name="data"/> and returns a new 32-byte array.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data) => SHA256.HashData(data);
}
