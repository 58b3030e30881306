namespace Trace.Node.Carbon.Footprint;

/// <summary>F(b), its primary part P(b), its verified part V(b), and the components of F(b).</summary>
public sealed record FootprintResult(decimal Total, decimal Primary, decimal Verified, IReadOnlyList<FootprintComponent> Components);
