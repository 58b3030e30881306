using Trace.Node.Carbon.Footprint;
using Trace.Node.Lineage.Propagation;

namespace Trace.Node.Lineage.Queries;

/// <summary>The materialised footprint of one batch as GetFootprint answers it.</summary>
public sealed record BatchFootprint
{
    public required string BatchId { get; init; }
    public required string BatchRecordId { get; init; }
    public required string Producer { get; init; }
    public required string ProductName { get; init; }
    public decimal Quantity { get; init; }
    public required string Unit { get; init; }
    public bool Declared { get; init; }
    public decimal Total { get; init; }
    public decimal PerUnit { get; init; }
    public IReadOnlyList<FootprintComponent> Breakdown { get; init; } = [];
    public decimal Scope1 { get; init; }
    public decimal Scope2 { get; init; }
    public decimal Scope3 { get; init; }
    public decimal DeclaredKgCo2e { get; init; }
    public decimal Primary { get; init; }
    public decimal Verified { get; init; }
    public IReadOnlyList<TransportNotReportedMark> TransportNotReported { get; init; } = [];
    public IReadOnlyList<PlannedTransport> PlannedTransport { get; init; } = [];
    public bool TransportNotReportedUpstream { get; init; }
    public IReadOnlyList<WithdrawnMark> Withdrawn { get; init; } = [];
    public IReadOnlyList<FootprintCitation> Citations { get; init; } = [];
    public IReadOnlyList<string> FactorSetVersions { get; init; } = [];
    public DateTimeOffset ComputedAt { get; init; }
    public DateTimeOffset VerifiedAt { get; init; }
    public string? ProducedBy { get; init; }
    public string? DeclarationRecordId { get; init; }
    public decimal Consumed { get; init; }
}
