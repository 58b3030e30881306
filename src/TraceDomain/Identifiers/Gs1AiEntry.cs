namespace Trace.Domain.Identifiers;

/// <summary>One Application Identifier of the GS1 Barcode Syntax Dictionary: its data format, flags and pairing rules.</summary>
/// <param name="PredefinedLength">Flag "*": needs no FNC1 separator after it.</param>
/// <param name="DigitalLinkAttribute">Flag "?": allowed as a GS1 Digital Link query attribute.</param>
/// <param name="Requires">Each "req=" attribute: alternatives, each a set of AI patterns that must all be present ('n' = any digit).</param>
/// <param name="Excludes">"ex=" patterns: AIs that must not appear beside this one (an AI never excludes itself).</param>
/// <param name="PrimaryKeyQualifiers">"dlpkey" attributes: null when not a DL primary key, else the qualifier sequences (alternatives).</param>
public sealed record Gs1AiEntry(
    string Ai,
    bool PredefinedLength,
    bool DigitalLinkAttribute,
    IReadOnlyList<Gs1AiComponent> Components,
    IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> Requires,
    IReadOnlyList<string> Excludes,
    IReadOnlyList<IReadOnlyList<string>>? PrimaryKeyQualifiers,
    string Title);
