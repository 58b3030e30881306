using Trace.Domain.Lineage;

namespace Trace.Node.Decisions.Lanes;

/// <summary>
/// One lane of the catalogue: a transport service of one mode from one UN/LOCODE to another, its distance, its transit
/// time (handling included, or stated apart in <see cref="HandlingDays"/>) and optionally a measured intensity that
/// overrides the mode's default factor.
/// </summary>
/// <param name="LaneId">The lane's identifier, unique in the catalogue (1-64 letters, digits, '.', '_', ':', '-').</param>
/// <param name="Mode">Transport mode, as shipment legs and the transport factor set name it.</param>
/// <param name="Origin">Where the lane starts (UN/LOCODE).</param>
/// <param name="Destination">Where the lane ends (UN/LOCODE), different from <paramref name="Origin"/>.</param>
/// <param name="DistanceKm">Distance in km (&gt; 0).</param>
/// <param name="TransitDays">Transit time in days (&gt; 0), door to door when <paramref name="HandlingDays"/> is 0.</param>
/// <param name="HandlingDays">Handling time stated apart (loading, unloading, dwell), in days (&gt;= 0).</param>
/// <param name="MeasuredKgCo2ePerTonneKm">A measured intensity that overrides the mode's default factor; null uses the factor set.</param>
/// <param name="IntensitySource">Where the measured intensity comes from; required with it.</param>
/// <param name="Owner">"operator" for the operator's lanes, else the carrier participant id that submitted it.</param>
/// <param name="UpdatedAt">When the lane was last written.</param>
public sealed record Lane(
    string LaneId,
    TransportMode Mode,
    string Origin,
    string Destination,
    decimal DistanceKm,
    decimal TransitDays,
    decimal HandlingDays,
    decimal? MeasuredKgCo2ePerTonneKm,
    string? IntensitySource,
    string Owner,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The owner of the operator's own lanes.</summary>
    public const string OperatorOwner = "operator";

    /// <summary>Transit plus handling, in days: the time a route spends on this lane.</summary>
    public decimal Days => TransitDays + HandlingDays;
}
