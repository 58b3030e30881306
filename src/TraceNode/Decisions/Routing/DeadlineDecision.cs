namespace Trace.Node.Decisions.Routing;

/// <summary>Why no path meets a deadline.</summary>
public enum NoRouteReason
{
    /// <summary>A path was found.</summary>
    None = 0,

    /// <summary>The catalogue holds no path from origin to destination within the leg bound.</summary>
    NoPath = 1,

    /// <summary>There are paths, but the fastest one takes longer than the deadline.</summary>
    TooSlow = 2,
}

/// <summary>One row of the decision matrix: the lowest-carbon path within a deadline, or why there is none.</summary>
/// <param name="DeadlineDays">The deadline, in days.</param>
/// <param name="Path">The lowest-emitting path whose time is within the deadline; null when none.</param>
/// <param name="Reason">Why <paramref name="Path"/> is null.</param>
/// <param name="Detail">The reason in words (names the fastest time when too slow).</param>
public sealed record DeadlineDecision(decimal DeadlineDays, RoutePath? Path, NoRouteReason Reason, string Detail);
