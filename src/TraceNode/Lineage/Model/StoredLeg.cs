using Trace.Domain.Lineage;

namespace Trace.Node.Lineage.Model;

/// <summary>A shipment leg as stored (LegsJson): its computed kgCO2e and, for a default-factor leg, the factor applied.</summary>
public sealed record StoredLeg(
    int Index,
    TransportMode Mode,
    string? From,
    string? To,
    decimal DistanceKm,
    decimal KgCo2e,
    EmissionMethod Method,
    IReadOnlyList<string> Evidence,
    string? FactorSetVersion,
    string? FactorSetRecordId,
    decimal? FactorKgCo2ePerTonneKm,
    decimal? CargoTonnes);
