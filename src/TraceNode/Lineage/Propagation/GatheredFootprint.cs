using Trace.Node.Carbon.Footprint;

namespace Trace.Node.Lineage.Propagation;

/// <summary>What one batch's recomputation gathered: the calculator's input and the marks that travel with the figures.</summary>
internal sealed record GatheredFootprint(
    FootprintInput Input,
    List<TransportNotReportedMark> TransportNotReported,
    bool TransportNotReportedUpstream,
    HashSet<string> FactorVersions,
    string Standing,
    Dictionary<string, WithdrawnMark> Marks);
