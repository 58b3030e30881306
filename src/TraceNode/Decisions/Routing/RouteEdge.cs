using Trace.Node.Decisions.Lanes;

namespace Trace.Node.Decisions.Routing;

/// <summary>A lane priced for one query: its emissions for the cargo and the intensity they rest on.</summary>
/// <param name="Lane">The catalogue lane.</param>
/// <param name="KgCo2ePerTonneKm">The intensity used: the lane's measured one, else the factor set's row for its mode.</param>
/// <param name="Measured">True when <paramref name="KgCo2ePerTonneKm"/> is the lane's measured intensity.</param>
/// <param name="KgCo2e">(distance km × cargo t) × intensity, kgCO2e.</param>
public sealed record RouteEdge(Lane Lane, decimal KgCo2ePerTonneKm, bool Measured, decimal KgCo2e);
