namespace Trace.Node.Blobs;

/// <summary>One row of the blob journal: its position, what the blob is and its SHA-256.</summary>
public sealed record BlobJournalEntry(long Sequence, BlobJournalKind Kind, byte[] Sha256);
