namespace Trace.Node.Carbon.Footprint;

/// <summary>F(b), its primary part P(b), its verified part V(b), and the components of F(b).</summary>
public sealed record FootprintResult(decimal Total, decimal Primary, decimal Verified, IReadOnlyList<FootprintComponent> Components)
{
    /// <summary>Planned against recorded transport, one per (input, shipment that followed a route plan); not part of F(b).</summary>
    public IReadOnlyList<PlannedTransport> PlannedTransport { get; init; } = [];
}
