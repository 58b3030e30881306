using Trace.Domain;

namespace Trace.Node.Storage;

/// <summary>A batch was asked to move to a state it cannot reach from where it is.</summary>
public sealed class InvalidBatchTransitionException(long batchId, AnchorBatchState from, AnchorBatchState to)
    : InvalidOperationException($"anchoring batch {batchId} cannot move from {from} to {to}")
{
    /// <summary>The batch.</summary>
    public long BatchId { get; } = batchId;

    /// <summary>Its current state.</summary>
    public AnchorBatchState From { get; } = from;

    /// <summary>The state asked for.</summary>
    public AnchorBatchState To { get; } = to;
}
