using Trace.Domain.Lineage;

namespace Trace.Node.Carbon.Factors;

/// <summary>One row of a transport factor set: the mode's default intensity and where the figure comes from.</summary>
/// <param name="Mode">Transport mode.</param>
/// <param name="KgCo2ePerTonneKm">Well-to-wheel default intensity in kgCO2e per tonne-km.</param>
/// <param name="Source">The publication (e.g. "GLEC Framework v3.1").</param>
/// <param name="Table">Table or section of the publication.</param>
/// <param name="Year">Publication year.</param>
/// <param name="IsAssumption">True when no published figure could be cited and the row is Trace's stated assumption.</param>
/// <param name="Note">Free text: what the figure covers (load factor, empty running, vehicle class).</param>
public sealed record TransportFactor(TransportMode Mode, decimal KgCo2ePerTonneKm, string Source, string? Table, int? Year, bool IsAssumption, string? Note);
