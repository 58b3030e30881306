namespace Trace.Domain.Lineage;

/// <summary>Where something was produced: a GS1 GLN or an installation id (e.g. a CBAM installation); one is set.</summary>
public sealed record Facility(string? Gln, string? InstallationId);
