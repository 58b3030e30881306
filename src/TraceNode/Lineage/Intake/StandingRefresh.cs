namespace Trace.Node.Lineage.Intake;

/// <summary>Records whose status changed (confirmed, unanchored, revoked, superseded): recompute what rests on them, and move the follower's cursor to <paramref name="Sequence"/> in the same transaction.</summary>
public sealed record StandingRefresh(IReadOnlyList<string> RecordIds, string CursorName, long Sequence) : LineageWork;
