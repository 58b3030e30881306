namespace Trace.Node.Lineage.Intake;

/// <summary>
/// A step of the status projector: recompute <paramref name="Batches"/> in the order given (inputs before outputs), and,
/// on the step that ends a feed page, move the follower's cursor named <paramref name="CursorName"/> to
/// <paramref name="Sequence"/> in the same transaction.
/// </summary>
public sealed record StandingRefresh(IReadOnlyList<string> Batches, string? CursorName, long Sequence) : LineageWork;
