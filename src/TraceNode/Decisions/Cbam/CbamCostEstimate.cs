using Trace.Node.Standards.Cbam;

namespace Trace.Node.Decisions.Cbam;

/// <summary>What CBAM would cost for the goods, with Trace's data and with default values, per price scenario.</summary>
/// <param name="CnCode">The goods' CN code.</param>
/// <param name="DefaultValue">The operator's default value row used.</param>
/// <param name="NetMassTonnes">Σ goods' net mass, t.</param>
/// <param name="ActualTonnes">Σ priced embedded emissions from the lineage (direct, plus indirect when priced), tCO2e.</param>
/// <param name="VerifiedTonnes">Σ the part of <paramref name="ActualTonnes"/> resting on VERIFIED actual figures.</param>
/// <param name="DefaultTonnes">Σ net mass × default priced tCO2e/t.</param>
/// <param name="WithTraceDataTonnes">Σ verified part + the unverified share valued at default, tCO2e: what is priced with Trace's data.</param>
/// <param name="OriginPrice">The carbon price paid at origin, when a record was cited.</param>
/// <param name="Scenarios">One per price, in the order asked.</param>
/// <param name="Goods">Per batch.</param>
public sealed record CbamCostEstimate(
    string CnCode,
    CbamDefaultValue DefaultValue,
    decimal NetMassTonnes,
    decimal ActualTonnes,
    decimal VerifiedTonnes,
    decimal DefaultTonnes,
    decimal WithTraceDataTonnes,
    OriginCarbonPrice? OriginPrice,
    IReadOnlyList<CbamCostScenario> Scenarios,
    IReadOnlyList<CbamCostGood> Goods);

/// <summary>The cost under one carbon price.</summary>
/// <param name="PriceEurPerTonne">The scenario's price, EUR/tCO2e.</param>
/// <param name="DeductionEurPerTonne">min(price paid at origin, price) when the origin record is VERIFIED, else 0.</param>
/// <param name="CostWithTraceData">WithTraceDataTonnes × (price − deduction), EUR.</param>
/// <param name="CostWithDefaults">DefaultTonnes × (price − deduction), EUR.</param>
/// <param name="Difference">CostWithDefaults − CostWithTraceData, EUR (what Trace's verified data saves; negative when it costs more).</param>
public sealed record CbamCostScenario(decimal PriceEurPerTonne, decimal DeductionEurPerTonne, decimal CostWithTraceData, decimal CostWithDefaults, decimal Difference);

/// <summary>A carbon price paid in the country of origin, as its record states it, and whether it is deducted.</summary>
/// <param name="RecordId">The carbon-price-paid record.</param>
/// <param name="EurPerTonne">The price paid, EUR per tCO2e.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country where it was paid.</param>
/// <param name="Status">The record's status (pending, anchored, confirmed, revoked, superseded, flagged).</param>
/// <param name="Verified">True when the record is VERIFIED (CONFIRMED, not withdrawn): only then is it deducted.</param>
public sealed record OriginCarbonPrice(string RecordId, decimal EurPerTonne, string Country, string Status, bool Verified);

/// <summary>One batch of the goods: its priced figures and the report figures they rest on.</summary>
public sealed record CbamCostGood(
    string BatchId,
    decimal NetMassTonnes,
    decimal ActualTonnes,
    decimal VerifiedTonnes,
    decimal DefaultTonnes,
    decimal WithTraceDataTonnes,
    IReadOnlyList<CbamFigure> Figures);
