namespace Trace.Domain.Lineage;

/// <summary>
/// A supplier's declared cradle-to-gate footprint for a batch whose upstream lies outside Trace (kind 7, PACT
/// ProductFootprint shaped): kgCO2e (excluding biogenic) per <see cref="UnitaryProductAmount"/> of <see cref="DeclaredUnit"/>.
/// </summary>
public sealed record FootprintDeclaration(
    string BatchId,
    string? PactProductFootprintId,
    string DeclaredUnitName,
    MeasureUnit DeclaredUnit,
    decimal UnitaryProductAmount,
    decimal PcfExcludingBiogenic,
    decimal? PcfIncludingBiogenic,
    decimal? PrimaryDataSharePercent,
    Period? ReferencePeriod,
    IReadOnlyList<string> Evidence) : LineageRecord
{
    public override string Identifier => BatchId;

    public override IReadOnlyList<string> CitedRecordIds() => Distinct(Evidence);
}
