namespace Trace.Node.Decisions.Cbam;

/// <summary>
/// The operator's default value for one CN code: default specific embedded emissions in tCO2e per tonne of good, which
/// emissions a CBAM price applies to, and the publication the values come from. Trace ships none.
/// </summary>
/// <param name="CnCode">8-digit CN code.</param>
/// <param name="DirectTonnesPerTonne">Default specific direct embedded emissions, tCO2e/t.</param>
/// <param name="IndirectTonnesPerTonne">Default specific indirect embedded emissions, tCO2e/t; null when the table gives none.</param>
/// <param name="PricesIndirect">True when the price applies to direct and indirect emissions (false: direct only, as for iron and steel goods).</param>
/// <param name="Source">The publication (act, annex, table) the values are taken from.</param>
/// <param name="UpdatedAt">When the row was last written.</param>
public sealed record CbamDefaultValue(string CnCode, decimal DirectTonnesPerTonne, decimal? IndirectTonnesPerTonne, bool PricesIndirect, string Source, DateTimeOffset UpdatedAt)
{
    /// <summary>The default specific embedded emissions that are priced: direct, plus indirect when <see cref="PricesIndirect"/>.</summary>
    public decimal PricedTonnesPerTonne => DirectTonnesPerTonne + (PricesIndirect ? IndirectTonnesPerTonne ?? 0m : 0m);
}
