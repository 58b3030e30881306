namespace Trace.Node.Carbon.Footprint;

/// <summary>A declared footprint D(b) (already converted to the batch quantity) and its primary part.</summary>
public sealed record DeclaredFigure(decimal KgCo2e, decimal PrimaryKgCo2e, string RecordId, IReadOnlyList<string> Evidence, bool Verified, bool Withdrawn);
