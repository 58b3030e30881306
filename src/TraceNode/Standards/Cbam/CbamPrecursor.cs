namespace Trace.Node.Standards.Cbam;

/// <summary>A precursor consumed by the transformation producing a good: its specific embedded emissions and the part embedded in the good.</summary>
public sealed record CbamPrecursor(
    string BatchId,
    string? CnCode,
    string? InstallationId,
    decimal ConsumedAmount,
    string ConsumedUnit,
    decimal? ConsumedTonnes,
    decimal SpecificDirectEmbeddedEmissions,
    decimal SpecificIndirectEmbeddedEmissions,
    string SpecificUnit,
    decimal DirectEmbeddedEmissionsInGood,
    decimal IndirectEmbeddedEmissionsInGood,
    string VerificationStatus);
