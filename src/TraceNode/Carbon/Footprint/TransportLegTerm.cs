using Trace.Domain.Lineage;

namespace Trace.Node.Carbon.Footprint;

/// <summary>One leg of a shipment with its emissions E(leg) already computed (measured, or distance × tonnes × factor).</summary>
public sealed record TransportLegTerm(
    int Index,
    TransportMode Mode,
    decimal DistanceKm,
    decimal KgCo2e,
    EmissionMethod Method,
    IReadOnlyList<string> Evidence,
    string? FactorSetVersion,
    decimal? FactorKgCo2ePerTonneKm,
    decimal? CargoTonnes,
    bool Verified,
    bool Withdrawn)
{
    /// <summary>A measured or calculated leg.</summary>
    public bool IsPrimary => Method is EmissionMethod.Measured or EmissionMethod.Calculated;
}
