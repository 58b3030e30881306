using Trace.Node.Carbon.Factors;

namespace Trace.Node.Decisions.Routing;

/// <summary>The answer to a route question: the factor set cited, the Pareto front and the decision matrix.</summary>
/// <param name="FactorSet">The transport factor set the emissions were computed with (the one new footprints use).</param>
/// <param name="FactorsUsed">The factor-set rows the paths use (modes of lanes without a measured intensity).</param>
/// <param name="CargoTonnes">The cargo mass in tonnes.</param>
/// <param name="TransferDays">The transfer time applied.</param>
/// <param name="MaxLegs">The leg bound applied.</param>
/// <param name="LanesConsidered">Lanes in the catalogue when the question was answered.</param>
/// <param name="Front">The Pareto front, fastest first.</param>
/// <param name="Decisions">One per deadline, in the order asked.</param>
public sealed record RouteDecision(
    TransportFactorSet FactorSet,
    IReadOnlyList<TransportFactor> FactorsUsed,
    decimal CargoTonnes,
    decimal TransferDays,
    int MaxLegs,
    int LanesConsidered,
    IReadOnlyList<RoutePath> Front,
    IReadOnlyList<DeadlineDecision> Decisions);
