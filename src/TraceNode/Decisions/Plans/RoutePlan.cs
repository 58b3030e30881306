using Trace.Domain.Lineage;
using Trace.Node.Decisions.Routing;

namespace Trace.Node.Decisions.Plans;

/// <summary>
/// One answered row of a route decision, kept so a shipment can cite it: the question (where, how much, by when), the
/// chosen path with each leg's intensity, and the transport factor set it was priced with.
/// </summary>
/// <param name="Origin">Start UN/LOCODE.</param>
/// <param name="Destination">End UN/LOCODE.</param>
/// <param name="CargoTonnes">The cargo mass the path was priced for, tonnes.</param>
/// <param name="DeadlineDays">The deadline whose row this is, days.</param>
/// <param name="TransferDays">The transfer time applied where the mode changes, days.</param>
/// <param name="FactorSetVersion">The transport factor set the path was priced with.</param>
/// <param name="FactorSetRecordId">Its record id, lower-case 0x-hex; null while it was not anchored.</param>
/// <param name="KgCo2e">The path's emissions for <paramref name="CargoTonnes"/>, kgCO2e.</param>
/// <param name="Days">The path's time, transfers included.</param>
/// <param name="Legs">The path's lanes, origin first.</param>
public sealed record RoutePlan(
    string Origin,
    string Destination,
    decimal CargoTonnes,
    decimal DeadlineDays,
    decimal TransferDays,
    string FactorSetVersion,
    string? FactorSetRecordId,
    decimal KgCo2e,
    decimal Days,
    IReadOnlyList<RoutePlanLeg> Legs)
{
    /// <summary>The plan of one decision-matrix row that has a path.</summary>
    public static RoutePlan Of(RouteQuery query, RouteDecision decision, DeadlineDecision row)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(row);
        var path = row.Path ?? throw new ArgumentException("the row has no path", nameof(row));
        return new RoutePlan(query.Origin, query.Destination, decision.CargoTonnes, row.DeadlineDays, decision.TransferDays,
            decision.FactorSet.Version, decision.FactorSet.RecordId?.ToLowerInvariant(), path.KgCo2e, path.Days, RoutePlanLeg.AllOf(path, decision.FactorSet.Version));
    }

    /// <summary>Mode changes on the path (legs with a transfer before them).</summary>
    public int Transfers => Legs.Count(l => l.TransferDaysBefore > 0);

    /// <summary>
    /// The path's emissions for another cargo mass: Σ legs (distance km × <paramref name="tonnes"/>) × intensity, left
    /// to right, the way the plan itself was priced (emissions are linear in the mass).
    /// </summary>
    public decimal KgCo2eFor(decimal tonnes)
    {
        var total = 0m;
        foreach (var leg in Legs) total += leg.DistanceKm * tonnes * leg.KgCo2ePerTonneKm;
        return total;
    }
}

/// <summary>One leg of a route plan: the lane, its time, the intensity it was priced at and what it emits for the planned cargo.</summary>
/// <param name="LaneId">The catalogue lane.</param>
/// <param name="Mode">Its mode.</param>
/// <param name="Origin">Where it starts (UN/LOCODE).</param>
/// <param name="Destination">Where it ends (UN/LOCODE).</param>
/// <param name="DistanceKm">Its distance, km.</param>
/// <param name="Days">Its transit plus handling days.</param>
/// <param name="TransferDaysBefore">Transfer time spent before it.</param>
/// <param name="KgCo2ePerTonneKm">The intensity used.</param>
/// <param name="Measured">True when the intensity is the lane's measured one, false when the factor set's.</param>
/// <param name="IntensitySource">The lane's intensity source when measured; the factor set version otherwise.</param>
/// <param name="KgCo2e">(distance × planned tonnes) × intensity.</param>
public sealed record RoutePlanLeg(
    string LaneId,
    TransportMode Mode,
    string Origin,
    string Destination,
    decimal DistanceKm,
    decimal Days,
    decimal TransferDaysBefore,
    decimal KgCo2ePerTonneKm,
    bool Measured,
    string IntensitySource,
    decimal KgCo2e)
{
    /// <summary>The legs of <paramref name="path"/>, each with the transfer before it and the source of its intensity.</summary>
    /// <param name="path">A priced path.</param>
    /// <param name="factorSetVersion">The factor set a leg without a measured intensity was priced with.</param>
    public static RoutePlanLeg[] AllOf(RoutePath path, string factorSetVersion)
    {
        ArgumentNullException.ThrowIfNull(path);
        var legs = new RoutePlanLeg[path.Legs.Count];
        for (var i = 0; i < legs.Length; i++)
        {
            var edge = path.Legs[i];
            legs[i] = new RoutePlanLeg(edge.Lane.LaneId, edge.Lane.Mode, edge.Lane.Origin, edge.Lane.Destination, edge.Lane.DistanceKm, edge.Lane.Days,
                path.TransferDaysBefore[i], edge.KgCo2ePerTonneKm, edge.Measured, edge.Measured ? edge.Lane.IntensitySource ?? "" : factorSetVersion, edge.KgCo2e);
        }
        return legs;
    }
}
