namespace Trace.Node.Decisions.Routing;

/// <summary>A route question: from where to where, how much cargo, by when, with which transfer time and leg bound.</summary>
/// <param name="Origin">Start UN/LOCODE.</param>
/// <param name="Destination">End UN/LOCODE.</param>
/// <param name="CargoTonnes">Cargo mass in tonnes (&gt; 0).</param>
/// <param name="DeadlinesDays">One or more deadlines, in days.</param>
/// <param name="TransferDays">Time added where the mode changes; null uses the node's default.</param>
/// <param name="MaxLegs">Most lanes on a path; null uses the node's default.</param>
public sealed record RouteQuery(string Origin, string Destination, decimal CargoTonnes, IReadOnlyList<decimal> DeadlinesDays, decimal? TransferDays, int? MaxLegs);
