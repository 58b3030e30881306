namespace Trace.Node.Blobs;

/// <summary>A stored blob failed authentication (altered, truncated, reordered or moved) or its key is not configured.</summary>
public sealed class BlobCorruptException(byte[] sha256, string reason)
    : Exception($"stored content {Convert.ToHexStringLower(sha256)} cannot be read: {reason}")
{
    /// <summary>The blob's address (SHA-256 of its plaintext).</summary>
    public byte[] Sha256 { get; } = sha256;
}
