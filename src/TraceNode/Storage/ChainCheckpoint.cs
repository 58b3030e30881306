namespace Trace.Node.Storage;

/// <summary>How far a chain indexer has processed: the last block whose events are applied, and its hash.</summary>
public sealed record ChainCheckpoint(string Name, long BlockNumber, byte[] BlockHash, DateTimeOffset UpdatedAt);
