namespace Trace.Domain.Lineage;

/// <summary>A batch (kind 16): a quantity of one product, its producing facility and its own scope 1 and 2 emissions.</summary>
public sealed record BatchRecord(
    string BatchId,
    ProductInfo Product,
    Quantity Quantity,
    Facility? Facility,
    Period? ProductionPeriod,
    ScopeEmissions Emissions) : LineageRecord
{
    public override string Identifier => BatchId;

    public override IReadOnlyList<string> CitedRecordIds() => Distinct(EvidenceOf(Emissions));
}
