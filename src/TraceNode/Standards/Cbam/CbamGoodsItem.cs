namespace Trace.Node.Standards.Cbam;

/// <summary>The goods of one CN code from one installation in the period: totals, specific embedded emissions and shares.</summary>
public sealed record CbamGoodsItem(
    int GoodsItemNumber,
    string CnCode,
    string InstallationId,
    decimal? NetMassTonnes,
    decimal Quantity,
    string Unit,
    decimal DirectEmbeddedEmissions,
    decimal IndirectEmbeddedEmissions,
    decimal? SpecificDirectEmbeddedEmissions,
    decimal? SpecificIndirectEmbeddedEmissions,
    string SpecificUnit,
    decimal? ShareFromDefaultValues,
    decimal? ShareFromActualData,
    IReadOnlyList<CbamGoodsBatch> Batches);
