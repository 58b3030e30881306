using Trace.Domain.Lineage;

namespace Trace.Node.Carbon.Factors;

/// <summary>A versioned set of default transport emission intensities (kgCO2e per tonne-km per mode) that footprints cite.</summary>
/// <param name="Version">The set's version label, cited by every footprint that used it.</param>
/// <param name="RecordId">The record id the set was anchored as, or null while it is not yet submitted.</param>
/// <param name="Rows">One row per transport mode.</param>
public sealed record TransportFactorSet(string Version, string? RecordId, IReadOnlyList<TransportFactor> Rows)
{
    /// <summary>The default intensity for <paramref name="mode"/>.</summary>
    /// <exception cref="KeyNotFoundException">the set has no row for the mode.</exception>
    public TransportFactor For(TransportMode mode) =>
        Rows.FirstOrDefault(r => r.Mode == mode) ?? throw new KeyNotFoundException($"factor set {Version} has no row for {mode}");
}
