using Trace.Crypto;

namespace Trace.Node.Blobs;

/// <summary>Uploaded bytes do not hash to the content hash the claim states; the upload was discarded.</summary>
public sealed class BlobHashMismatchException(byte[] expected, byte[] actual)
    : Exception($"the uploaded bytes hash to {Hex.Encode(actual)}, not the claimed content hash {Hex.Encode(expected)}")
{
    /// <summary>The hash the uploader claimed.</summary>
    public byte[] Expected { get; } = expected;

    /// <summary>The SHA-256 of the bytes received.</summary>
    public byte[] Actual { get; } = actual;
}
