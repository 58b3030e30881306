namespace Trace.Node.Standards.Cbam;

/// <summary>What a CBAM report covers: goods whose production ended in [<see cref="Start"/>, <see cref="End"/>), optionally one CN code and one installation.</summary>
public sealed record CbamReportQuery(DateTimeOffset Start, DateTimeOffset End, string? CnCode, string? InstallationId);
