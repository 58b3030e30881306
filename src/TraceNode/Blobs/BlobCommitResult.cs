namespace Trace.Node.Blobs;

/// <summary>A committed blob: its SHA-256, its length, and whether identical content was already stored.</summary>
public sealed record BlobCommitResult(byte[] Sha256, long Length, bool AlreadyStored);
