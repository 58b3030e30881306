namespace Trace.Node.Storage.Entities;

/// <summary>How far a chain indexer has processed, saved in the same transaction as the rows it indexed.</summary>
public sealed class ChainCheckpointEntity
{
    /// <summary>The indexer's name (e.g. "evidence-registry").</summary>
    public required string Name { get; set; }

    /// <summary>Last block whose events are fully applied.</summary>
    public long BlockNumber { get; set; }

    /// <summary>Hash of that block, 32 bytes, so a reorganisation below the checkpoint is noticed.</summary>
    public required byte[] BlockHash { get; set; }

    /// <summary>When the checkpoint was written.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
