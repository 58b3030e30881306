namespace Trace.Client.Standards.Epcis.EventHash;

/// <summary>Which controlled vocabulary a standard EPCIS field takes its values from (decides how a bare term expands).</summary>
public enum EpcisVocabularyKind
{
    /// <summary>No vocabulary: only the generic rewrites apply.</summary>
    None,
    /// <summary>CBV business steps: <c>https://ref.gs1.org/cbv/BizStep-…</c>.</summary>
    BizStep,
    /// <summary>CBV dispositions: <c>https://ref.gs1.org/cbv/Disp-…</c>.</summary>
    Disposition,
    /// <summary>CBV business transaction types: <c>https://ref.gs1.org/cbv/BTT-…</c>.</summary>
    BizTransactionType,
    /// <summary>CBV source/destination types: <c>https://ref.gs1.org/cbv/SDT-…</c>.</summary>
    SourceDestinationType,
    /// <summary>CBV error reasons: <c>https://ref.gs1.org/cbv/ER-…</c>.</summary>
    ErrorReason,
    /// <summary>GS1 Web Vocabulary terms (sensor measurement types, sensor alert exceptions): <c>https://ref.gs1.org/voc/…</c>.</summary>
    Gs1Voc,
    /// <summary>CBV sensor components: <c>https://ref.gs1.org/cbv/Comp-…</c>.</summary>
    Component,
}

/// <summary>
/// CBV and GS1 Web Vocabulary values in the one form the GS1 event hash uses, the GS1 Web URI (CBV 2.0 §8.9): a CBV 1.x
/// URN (<c>urn:epcglobal:cbv:bizstep:shipping</c>), a bare term (<c>shipping</c>) or a CURIE (<c>cbv:BizStep-shipping</c>,
/// <c>gs1:Temperature</c>) becomes <c>https://ref.gs1.org/cbv/BizStep-shipping</c> or <c>https://ref.gs1.org/voc/Temperature</c>.
/// </summary>
public static class EpcisVocabulary
{
    /// <summary>The CBV namespace of web vocabulary URIs.</summary>
    public const string Cbv = "https://ref.gs1.org/cbv/";

    /// <summary>The GS1 Web Vocabulary namespace the event hash writes.</summary>
    public const string Gs1Voc = "https://ref.gs1.org/voc/";

    private static readonly (string Urn, string Web)[] Urns =
    [
        ("urn:epcglobal:cbv:bizstep:", Cbv + "BizStep-"),
        ("urn:epcglobal:cbv:disp:", Cbv + "Disp-"),
        ("urn:epcglobal:cbv:btt:", Cbv + "BTT-"),
        ("urn:epcglobal:cbv:sdt:", Cbv + "SDT-"),
        ("urn:epcglobal:cbv:er:", Cbv + "ER-"),
    ];

    /// <summary>
    /// Rewrites that hold for any value: a CBV URN to its web URI; the CURIEs <c>cbv:</c> and <c>gs1:</c> expanded (the
    /// EPCIS 2.0 context fixes both prefixes, so the document's own @context is not consulted).
    /// </summary>
    public static string Generic(string value)
    {
        foreach (var (urn, web) in Urns)
            if (value.StartsWith(urn, StringComparison.Ordinal)) return web + value[urn.Length..];
        if (value.StartsWith("cbv:", StringComparison.Ordinal)) return Cbv + value[4..];
        if (value.StartsWith("gs1:", StringComparison.Ordinal)) return Gs1Voc + value[4..];
        return value;
    }

    /// <summary>A value of a field drawn from <paramref name="kind"/>: a bare term (no ':') gets that vocabulary's namespace.</summary>
    public static string Expand(string value, EpcisVocabularyKind kind)
    {
        var generic = Generic(value);
        if (kind == EpcisVocabularyKind.Gs1Voc && generic.StartsWith("https://gs1.org/voc/", StringComparison.Ordinal))
            return Gs1Voc + generic["https://gs1.org/voc/".Length..];
        if (generic.Contains(':', StringComparison.Ordinal) || generic.Length == 0) return generic;
        return kind switch
        {
            EpcisVocabularyKind.BizStep => Cbv + "BizStep-" + generic,
            EpcisVocabularyKind.Disposition => Cbv + "Disp-" + generic,
            EpcisVocabularyKind.BizTransactionType => Cbv + "BTT-" + generic,
            EpcisVocabularyKind.SourceDestinationType => Cbv + "SDT-" + generic,
            EpcisVocabularyKind.ErrorReason => Cbv + "ER-" + generic,
            EpcisVocabularyKind.Gs1Voc => Gs1Voc + generic,
            EpcisVocabularyKind.Component => Cbv + "Comp-" + generic,
            _ => generic,
        };
    }
}
