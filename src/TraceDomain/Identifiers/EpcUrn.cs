using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Trace.Domain.Identifiers;

/// <summary>
/// An EPC pure-identity URN naming a trade item: <c>urn:epc:id:sgtin:CompanyPrefix.IndicatorItemRef.Serial</c> (one
/// instance) or <c>urn:epc:class:lgtin:CompanyPrefix.IndicatorItemRef.Lot</c> (a lot), per the GS1 EPC Tag Data Standard
/// (§6.3.1 SGTIN, §6.4.1 LGTIN class).
/// </summary>
/// <remarks>
/// The GTIN is rebuilt as TDS §7.1 says: the indicator digit (first digit of the item reference field), then the company
/// prefix, then the rest of the item reference (13 digits together), then the computed GS1 check digit. The company prefix
/// has 6 to 12 digits. Serial and lot are up to 20 characters of GS1 AI character set 82, '%hh'-escaped in the URN.
/// </remarks>
public sealed record EpcUrn(string Scheme, string CompanyPrefix, string ItemReference, Gtin Gtin, string SerialOrLot)
{
    /// <summary>URN prefix of a serialised GTIN.</summary>
    public const string SgtinPrefix = "urn:epc:id:sgtin:";

    /// <summary>URN prefix of a GTIN + lot class.</summary>
    public const string LgtinPrefix = "urn:epc:class:lgtin:";

    // Serial (AI 21) and lot (AI 10) are both X..20: GS1 character set 82, 1 to 20 characters.
    private static readonly Gs1AiComponent SerialOrLotFormat = new('X', 1, 20, false, []);

    /// <summary>True for an LGTIN (GTIN + lot); false for an SGTIN (GTIN + serial).</summary>
    public bool IsLot => Scheme == "lgtin";

    /// <summary>Parses an sgtin or lgtin URN; <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string? urn, [NotNullWhen(true)] out EpcUrn? epc, [NotNullWhen(false)] out string? error)
    {
        epc = null;
        string scheme, body;
        if (urn is not null && urn.StartsWith(SgtinPrefix, StringComparison.Ordinal)) { scheme = "sgtin"; body = urn[SgtinPrefix.Length..]; }
        else if (urn is not null && urn.StartsWith(LgtinPrefix, StringComparison.Ordinal)) { scheme = "lgtin"; body = urn[LgtinPrefix.Length..]; }
        else { error = "not an urn:epc:id:sgtin: or urn:epc:class:lgtin: URN"; return false; }
        var what = scheme == "sgtin" ? "serial" : "lot";
        var parts = body.Split('.', 3);
        if (parts.Length != 3) { error = $"{scheme} URN must be CompanyPrefix.ItemReference.{what}"; return false; }
        var (prefix, item, tail) = (parts[0], parts[1], parts[2]);
        if (!Gs1CheckDigit.IsAllDigits(prefix) || prefix.Length is < 6 or > 12)
        { error = $"{scheme} company prefix '{prefix}' must be 6 to 12 digits"; return false; }
        if (!Gs1CheckDigit.IsAllDigits(item) || prefix.Length + item.Length != 13)
        { error = $"{scheme} item reference '{item}' must be digits making 13 with the company prefix (indicator digit first)"; return false; }
        if (Unescape(tail) is not { } decoded || decoded.Length is < 1 or > 20
            || !SerialOrLotFormat.InCharacterSet(decoded))
        { error = $"{scheme} {what} '{tail}' must be 1 to 20 characters of GS1 character set 82 (%-escaped where needed)"; return false; }
        var gtin = Gtin.FromDigitsWithoutCheck(item[0] + prefix + item[1..]);
        epc = new EpcUrn(scheme, prefix, item, gtin, decoded);
        error = null;
        return true;
    }

    // TDS §5 escapes '"', '%', '&', '/', '<', '>', '?' as %hh; any other '%' not followed by two hex digits is wrong.
    private static string? Unescape(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '%') { builder.Append(text[i]); continue; }
            if (i + 2 >= text.Length || !Uri.IsHexDigit(text[i + 1]) || !Uri.IsHexDigit(text[i + 2])) return null;
            builder.Append((char)Convert.ToInt32(text.Substring(i + 1, 2), 16));
            i += 2;
        }
        return builder.ToString();
    }
}
