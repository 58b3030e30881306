using Trace.Domain.Lineage;

namespace Trace.Node.Carbon.Footprint;

/// <summary>One part of a batch's footprint after allocation, with the record it comes from (members set per stage).</summary>
public sealed record FootprintComponent
{
    public FootprintStage Stage { get; init; }
    public decimal KgCo2e { get; init; }
    public decimal PrimaryKgCo2e { get; init; }
    public decimal VerifiedKgCo2e { get; init; }
    public EmissionMethod? Method { get; init; }
    public bool Declared { get; init; }
    public required string RecordId { get; init; }
    public IReadOnlyList<string> Evidence { get; init; } = [];
    public string? TransformationId { get; init; }
    public decimal? AllocationShare { get; init; }
    public string? InputBatchId { get; init; }
    public decimal? ConsumedAmount { get; init; }
    public string? ConsumedUnit { get; init; }
    public decimal? InputKgCo2ePerUnit { get; init; }
    public string? ShipmentId { get; init; }
    public string? LegShipmentId { get; init; }
    public int? LegIndex { get; init; }
    public TransportMode? Mode { get; init; }
    public decimal? DistanceKm { get; init; }
    public decimal? LegKgCo2e { get; init; }
    public string? FactorSetVersion { get; init; }
    public decimal? FactorKgCo2ePerTonneKm { get; init; }
    public decimal? CargoTonnes { get; init; }
    public decimal? ShipmentQuantity { get; init; }
    public bool Withdrawn { get; init; }
}
