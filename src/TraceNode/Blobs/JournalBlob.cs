namespace Trace.Node.Blobs;

/// <summary>A blob to store through <see cref="IBlobStore.AppendJournalAsync"/>: its plaintext, and its journal kind.</summary>
public sealed record JournalBlob(ReadOnlyMemory<byte> Content, BlobJournalKind Kind);
