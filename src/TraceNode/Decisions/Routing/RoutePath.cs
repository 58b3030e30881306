namespace Trace.Node.Decisions.Routing;

/// <summary>A path through the catalogue: its lanes in order, total emissions and total time (transfers included).</summary>
/// <param name="Legs">The lanes, origin first.</param>
/// <param name="TransferDaysBefore">Transfer time before each leg (0 for the first leg and between lanes of one mode).</param>
/// <param name="KgCo2e">Σ legs' kgCO2e, left to right.</param>
/// <param name="Days">Σ (transfer before + lane transit + lane handling), left to right.</param>
public sealed record RoutePath(IReadOnlyList<RouteEdge> Legs, IReadOnlyList<decimal> TransferDaysBefore, decimal KgCo2e, decimal Days)
{
    /// <summary>Number of mode changes (transfers) on the path.</summary>
    public int Transfers => TransferDaysBefore.Count(t => t > 0);

    /// <summary>True when this path is at least as good on both counts and better on one.</summary>
    public bool Dominates(RoutePath other) =>
        KgCo2e <= other.KgCo2e && Days <= other.Days && (KgCo2e < other.KgCo2e || Days < other.Days);
}
