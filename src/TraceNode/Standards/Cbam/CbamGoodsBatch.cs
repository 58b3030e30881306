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
    IReadOnlyList<CbamPrecursor> Precursors)
{
    /// <summary>The part of <see cref="DirectEmbeddedEmissions"/> resting on VERIFIED actual figures, tCO2e.</summary>
    public decimal VerifiedDirectEmbeddedEmissions { get; init; }

    /// <summary>The part of <see cref="IndirectEmbeddedEmissions"/> resting on VERIFIED actual figures, tCO2e.</summary>
    public decimal VerifiedIndirectEmbeddedEmissions { get; init; }
}
