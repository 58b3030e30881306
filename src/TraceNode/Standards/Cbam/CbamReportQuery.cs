namespace Trace.Node.Standards.Cbam;

/// <summary>
/// What a CBAM report covers: goods whose production ended in [<see cref="Start"/>, <see cref="End"/>), optionally one CN
/// code and one installation, and, for a caller who may not see every good, only batches within the reach of
/// <see cref="ReachKeys"/> (the caller's participant keys; null = every batch); <see cref="BatchId"/>, when set, only that batch.
/// </summary>
public sealed record CbamReportQuery(DateTimeOffset Start, DateTimeOffset End, string? CnCode, string? InstallationId, IReadOnlyCollection<string>? ReachKeys = null, string? BatchId = null);
