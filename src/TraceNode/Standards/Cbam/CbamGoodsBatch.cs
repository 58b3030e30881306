namespace Trace.Node.Standards.Cbam;

/// <summary>One batch of CBAM goods: its quantity, embedded and specific embedded emissions, figures and precursors.</summary>
public sealed record CbamGoodsBatch(
    string BatchId,
    string RecordId,
    string ProductName,
    decimal Quantity,
    string Unit,
    decimal? NetMassTonnes,
    DateTimeOffset ReferenceDate,
    decimal DirectEmbeddedEmissions,
    decimal IndirectEmbeddedEmissions,
    decimal SpecificDirectEmbeddedEmissions,
    decimal SpecificIndirectEmbeddedEmissions,
    string SpecificUnit,
    decimal DefaultValueEmissions,
    IReadOnlyList<CbamFigure> Figures,
    IReadOnlyList<CbamPrecursor> Precursors);
