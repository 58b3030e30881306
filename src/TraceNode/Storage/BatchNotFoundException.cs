namespace Trace.Node.Storage;

/// <summary>No anchoring batch has the given id.</summary>
public sealed class BatchNotFoundException(long batchId) : Exception($"anchoring batch {batchId} does not exist")
{
    /// <summary>The id that was looked up.</summary>
    public long BatchId { get; } = batchId;
}
