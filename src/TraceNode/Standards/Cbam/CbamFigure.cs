namespace Trace.Node.Standards.Cbam;

/// <summary>
/// One figure behind a good's embedded emissions: what it is, its part of the good's direct or indirect embedded
/// emissions (tCO2e, after allocation), actual data or default value, and the verification status of the record it comes from.
/// </summary>
public sealed record CbamFigure(string Figure, string Emissions, decimal TonnesCo2e, string TypeOfDetermination, string RecordId, string VerificationStatus);
