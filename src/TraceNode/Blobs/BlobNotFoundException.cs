using Trace.Crypto;

namespace Trace.Node.Blobs;

/// <summary>No blob is stored under the given hash.</summary>
public sealed class BlobNotFoundException(byte[] sha256)
    : Exception($"no content is stored under SHA-256 {Hex.Encode(sha256)}")
{
    /// <summary>The hash that was looked up.</summary>
    public byte[] Sha256 { get; } = sha256;
}
