namespace Trace.Node.Indexing.Storage;

/// <summary>A block whose registry events are in the index, with its hash: where a reorganisation is traced back to.</summary>
public sealed class IndexedBlockEntity
{
    /// <summary>Block number.</summary>
    public long Number { get; set; }

    /// <summary>Block hash, 32 bytes, as it was when its events were indexed.</summary>
    public required byte[] Hash { get; set; }
}
