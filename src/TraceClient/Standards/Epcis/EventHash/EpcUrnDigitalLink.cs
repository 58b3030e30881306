using System.Text;
using Trace.Domain.Identifiers;

namespace Trace.Client.Standards.Epcis.EventHash;

/// <summary>
/// EPC URIs (GS1 Tag Data Standard pure identity, class and ID pattern URNs) as canonical GS1 Digital Link URIs on
/// <c>https://id.gs1.org</c>, the identifier form of the GS1 event hash: <c>urn:epc:id:sgtin:0614141.107346.2017</c> →
/// <c>https://id.gs1.org/01/10614141073464/21/2017</c>.
/// </summary>
/// <remarks>
/// Each scheme rebuilds its GS1 key as TDS §7 says (company prefix and reference digits in the key's order, the mod-10
/// check digit computed) and appends its serial component. URN escapes (<c>%2F</c> …) are kept; the characters Digital Link
/// reserves (<c>! ( ) * + , :</c>) are percent-encoded.
/// </remarks>
public static class EpcUrnDigitalLink
{
    private const string Base = "https://id.gs1.org/";

    /// <summary>The canonical Digital Link of <paramref name="urn"/>, or null when it is no GS1-key EPC URI Trace knows.</summary>
    public static string? TryConvert(string urn)
    {
        if (urn.StartsWith("urn:epc:id:", StringComparison.Ordinal)) return PureIdentity(urn["urn:epc:id:".Length..]);
        if (urn.StartsWith("urn:epc:class:lgtin:", StringComparison.Ordinal))
            return Split(urn["urn:epc:class:lgtin:".Length..], 3) is [var cp, var item, var lot] && Gtin(cp, item) is { } gtin && lot.Length > 0
                ? $"{Base}01/{gtin}/10/{Encode(lot)}" : null;
        if (urn.StartsWith("urn:epc:idpat:", StringComparison.Ordinal)) return Pattern(urn["urn:epc:idpat:".Length..]);
        return null;
    }

    private static string? PureIdentity(string body)
    {
        var colon = body.IndexOf(':');
        if (colon < 0) return null;
        var rest = body[(colon + 1)..];
        return body[..colon] switch
        {
            "sgtin" => Split(rest, 3) is [var cp, var item, var serial] && Gtin(cp, item) is { } gtin && serial.Length > 0
                ? $"{Base}01/{gtin}/21/{Encode(serial)}" : null,
            // The extension digit leads the serial reference field and the key.
            "sscc" => Split(rest, 2) is [var cp, var serial] && Digits(cp, serial, 17)
                ? $"{Base}00/{Key(serial[..1] + cp + serial[1..])}" : null,
            "sgln" => Split(rest, 3) is [var cp, var location, var extension] && Digits(cp, location, 12)
                ? extension == "0" ? $"{Base}414/{Key(cp + location)}" : $"{Base}414/{Key(cp + location)}/254/{Encode(extension)}"
                : null,
            "pgln" => Split(rest, 2) is [var cp, var party] && Digits(cp, party, 12) ? $"{Base}417/{Key(cp + party)}" : null,
            "grai" => Split(rest, 3) is [var cp, var asset, var serial] && Digits(cp, asset, 12)
                ? $"{Base}8003/{Key("0" + cp + asset)}{Encode(serial)}" : null,
            "giai" => Split(rest, 2) is [var cp, var reference] && IsCompanyPrefix(cp) && reference.Length > 0
                ? $"{Base}8004/{cp}{Encode(reference)}" : null,
            "gsrn" => Split(rest, 2) is [var cp, var service] && Digits(cp, service, 17) ? $"{Base}8018/{Key(cp + service)}" : null,
            "gsrnp" => Split(rest, 2) is [var cp, var service] && Digits(cp, service, 17) ? $"{Base}8017/{Key(cp + service)}" : null,
            "gdti" => Split(rest, 3) is [var cp, var type, var serial] && Digits(cp, type, 12)
                ? $"{Base}253/{Key(cp + type)}{Encode(serial)}" : null,
            "sgcn" => Split(rest, 3) is [var cp, var coupon, var serial] && Digits(cp, coupon, 12)
                ? $"{Base}255/{Key(cp + coupon)}{serial}" : null,
            "gsin" => Split(rest, 2) is [var cp, var shipper] && Digits(cp, shipper, 16) ? $"{Base}402/{Key(cp + shipper)}" : null,
            "ginc" => Split(rest, 2) is [var cp, var consignment] && IsCompanyPrefix(cp) && consignment.Length > 0
                ? $"{Base}401/{cp}{Encode(consignment)}" : null,
            "cpi" => Cpi(rest),
            "itip" => Split(rest, 5) is [var cp, var item, var piece, var total, var serial] && Gtin(cp, item) is { } gtin
                ? $"{Base}8006/{gtin}{piece}{total}/21/{Encode(serial)}" : null,
            "upui" => Split(rest, 3) is [var cp, var item, var tpx] && Gtin(cp, item) is { } gtin
                ? $"{Base}01/{gtin}/235/{Encode(tpx)}" : null,
            _ => null,
        };
    }

    /// <summary>CompanyPrefix.ComponentPartReference.Serial: the serial is what follows the last dot.</summary>
    private static string? Cpi(string rest)
    {
        var first = rest.IndexOf('.');
        var last = rest.LastIndexOf('.');
        if (first < 0 || last <= first) return null;
        var cp = rest[..first];
        return IsCompanyPrefix(cp) ? $"{Base}8010/{Encode(cp + rest[(first + 1)..last])}/8011/{rest[(last + 1)..]}" : null;
    }

    /// <summary>ID patterns whose only wildcard is the serial: the key without it (the class of all serials).</summary>
    private static string? Pattern(string body)
    {
        if (!body.EndsWith(".*", StringComparison.Ordinal)) return null;
        var colon = body.IndexOf(':');
        if (colon < 0) return null;
        var scheme = body[..colon];
        var parts = Split(body[(colon + 1)..^2], 5);
        return (scheme, parts) switch
        {
            ("sgtin", [var cp, var item]) when Gtin(cp, item) is { } gtin => $"{Base}01/{gtin}",
            ("upui", [var cp, var item]) when Gtin(cp, item) is { } gtin => $"{Base}01/{gtin}",
            ("itip", [var cp, var item, var piece, var total]) when Gtin(cp, item) is { } gtin => $"{Base}8006/{gtin}{piece}{total}",
            ("grai", [var cp, var asset]) when Digits(cp, asset, 12) => $"{Base}8003/{Key("0" + cp + asset)}",
            ("gdti", [var cp, var type]) when Digits(cp, type, 12) => $"{Base}253/{Key(cp + type)}",
            ("sgcn", [var cp, var coupon]) when Digits(cp, coupon, 12) => $"{Base}255/{Key(cp + coupon)}",
            ("cpi", [var cp, var part]) when IsCompanyPrefix(cp) => $"{Base}8010/{Encode(cp + part)}",
            _ => null,
        };
    }

    /// <summary>GTIN-14 of an SGTIN-style CompanyPrefix.IndicatorItemReference pair (13 digits, indicator first).</summary>
    private static string? Gtin(string companyPrefix, string itemReference) =>
        Digits(companyPrefix, itemReference, 13) && itemReference.Length > 0
            ? Key(itemReference[..1] + companyPrefix + itemReference[1..])
            : null;

    private static bool IsCompanyPrefix(string text) => text.Length is >= 6 and <= 12 && Gs1CheckDigit.IsAllDigits(text);

    private static bool Digits(string companyPrefix, string reference, int total) =>
        IsCompanyPrefix(companyPrefix) && companyPrefix.Length + reference.Length == total
        && (reference.Length == 0 || Gs1CheckDigit.IsAllDigits(reference));

    private static string Key(string digitsWithoutCheck) => digitsWithoutCheck + Gs1CheckDigit.Compute(digitsWithoutCheck);

    private static string[] Split(string text, int max) => text.Split('.', max);

    /// <summary>Percent-encodes the characters GS1 Digital Link reserves that an EPC URI may carry bare.</summary>
    public static string Encode(string component)
    {
        var builder = new StringBuilder(component.Length);
        foreach (var c in component)
            builder.Append(c switch
            {
                '!' => "%21", '(' => "%28", ')' => "%29", '*' => "%2A", '+' => "%2B", ',' => "%2C", ':' => "%3A",
                _ => c.ToString(),
            });
        return builder.ToString();
    }
}
