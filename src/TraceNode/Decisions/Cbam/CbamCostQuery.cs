namespace Trace.Node.Decisions.Cbam;

/// <summary>
/// What to price: one batch (<see cref="BatchId"/>), or the goods of one CN code from one installation whose production
/// ended in [<see cref="Start"/>, <see cref="End"/>); at which carbon prices; less the origin price evidenced by a record.
/// </summary>
/// <param name="BatchId">One batch; null for the CN code form.</param>
/// <param name="CnCode">8-digit CN code (CN code form).</param>
/// <param name="InstallationId">Installation (CN code form).</param>
/// <param name="Start">Period start (CN code form).</param>
/// <param name="End">Period end, exclusive (CN code form).</param>
/// <param name="PricesEurPerTonne">Carbon-price scenarios, EUR per tCO2e.</param>
/// <param name="OriginCarbonPriceRecordId">A carbon-price-paid record (docs/decisions.md); null when none is claimed.</param>
/// <param name="ReachKeys">The caller's participant keys when it may only see goods within its lineage reach; null = all.</param>
public sealed record CbamCostQuery(
    string? BatchId,
    string? CnCode,
    string? InstallationId,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    IReadOnlyList<decimal> PricesEurPerTonne,
    string? OriginCarbonPriceRecordId,
    IReadOnlyCollection<string>? ReachKeys);
