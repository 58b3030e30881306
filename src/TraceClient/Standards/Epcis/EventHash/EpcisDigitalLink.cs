using Trace.Domain.Identifiers;

namespace Trace.Client.Standards.Epcis.EventHash;

/// <summary>
/// The identifier form of the GS1 event hash (CBV 2.0 §8.9): every GS1 key, whether written as an EPC URI or as a GS1
/// Digital Link URI on any domain, becomes one constrained canonical Digital Link URI — domain <c>https://id.gs1.org</c>,
/// numeric AIs instead of short names, GTINs padded to 14 digits, only the finest identification level (serial over
/// lot, no CPV), no query string or fragment.
/// </summary>
public static class EpcisDigitalLink
{
    private const string Base = "https://id.gs1.org/";

    private static readonly Dictionary<string, string> ShortNames = new(StringComparer.Ordinal)
    {
        ["gtin"] = "01", ["itip"] = "8006", ["cpid"] = "8010", ["gln"] = "414", ["party"] = "417", ["gsrnp"] = "8017",
        ["gsrn"] = "8018", ["gcn"] = "255", ["sscc"] = "00", ["gdti"] = "253", ["ginc"] = "401", ["gsin"] = "402",
        ["grai"] = "8003", ["giai"] = "8004", ["cpv"] = "22", ["lot"] = "10", ["ser"] = "21",
    };

    // Primary keys and the length of their all-digit value (0: alphanumeric or key + serial, not length-checked).
    private static readonly Dictionary<string, int> PrimaryKeys = new(StringComparer.Ordinal)
    {
        ["00"] = 18, ["01"] = 14, ["253"] = 0, ["255"] = 0, ["401"] = 0, ["402"] = 17, ["414"] = 13, ["417"] = 13,
        ["8003"] = 0, ["8004"] = 0, ["8006"] = 18, ["8010"] = 0, ["8017"] = 18, ["8018"] = 18,
    };

    /// <summary>The canonical Digital Link of <paramref name="value"/> when it names a GS1 key, else null.</summary>
    public static string? TryCanonicalise(string value) =>
        value.StartsWith("urn:epc:", StringComparison.Ordinal) ? EpcUrnDigitalLink.TryConvert(value) : TryConstrain(value);

    /// <summary>A GS1 Digital Link URI (any domain, any path prefix) constrained to its canonical form, else null.</summary>
    public static string? TryConstrain(string uri)
    {
        string rest;
        if (uri.StartsWith("https://", StringComparison.Ordinal)) rest = uri["https://".Length..];
        else if (uri.StartsWith("http://", StringComparison.Ordinal)) rest = uri["http://".Length..];
        else return null;
        var cut = rest.IndexOfAny(['?', '#']);
        if (cut >= 0) rest = rest[..cut];
        var segments = rest.Split('/');
        // segments[0] is the authority; the key may follow any path prefix (https://example.com/some/path/01/…).
        for (var i = 1; i + 1 < segments.Length; i++)
        {
            var ai = Ai(segments[i]);
            if (!PrimaryKeys.TryGetValue(ai, out var length)) continue;
            var key = segments[i + 1];
            if (ai == "01" && key.Length is 8 or 12 or 13 && Gs1CheckDigit.IsAllDigits(key)) key = key.PadLeft(14, '0');
            if (key.Length == 0 || (length > 0 && (key.Length != length || !Gs1CheckDigit.IsAllDigits(key)))) return null;
            var qualifiers = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var j = i + 2; j + 1 < segments.Length; j += 2) qualifiers[Ai(segments[j])] = segments[j + 1];
            if ((segments.Length - i) % 2 == 1 && segments[^1].Length > 0) return null;
            return Base + ai + "/" + key + Qualifier(ai, qualifiers);
        }
        return null;
    }

    /// <summary>The one key qualifier the canonical form keeps: the finest level (serial, else lot) and never the CPV.</summary>
    private static string Qualifier(string ai, Dictionary<string, string> qualifiers)
    {
        string[] kept = ai switch
        {
            "01" => ["21", "10", "235"],
            "8006" => ["21", "10"],
            "414" => ["254"],
            "8010" => ["8011"],
            _ => [],
        };
        foreach (var qualifier in kept)
            if (qualifiers.TryGetValue(qualifier, out var value) && value.Length > 0) return "/" + qualifier + "/" + value;
        return "";
    }

    private static string Ai(string segment) => ShortNames.TryGetValue(segment, out var ai) ? ai : segment;
}
