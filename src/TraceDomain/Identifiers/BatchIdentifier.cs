using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Trace.Domain.Identifiers;

/// <summary>
/// A batch's identifier as lineage records accept it: a GS1 Digital Link URI with AI 01 and AI 10, an EPC lgtin or sgtin
/// URN, or any other URN (RFC 8141 syntax). Exposes the GTIN when the scheme carries one.
/// </summary>
public sealed partial record BatchIdentifier(string Text, BatchIdentifierKind Kind, Gtin? Gtin, string? LotOrSerial)
{
    /// <summary>Parses a batch identifier; <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out BatchIdentifier? id, [NotNullWhen(false)] out string? error)
    {
        id = null;
        if (string.IsNullOrEmpty(text)) { error = "the identifier is empty"; return false; }
        if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Gs1DigitalLink.TryParse(text, out var link, out var reason)) { error = $"not a valid GS1 Digital Link URI: {reason}"; return false; }
            if (link["01"] is not { } gtinText || link["10"] is not { } lot)
            { error = "a GS1 Digital Link batch id needs AI 01 (GTIN) and AI 10 (lot), e.g. https://id.gs1.org/01/{gtin}/10/{lot}"; return false; }
            id = new BatchIdentifier(text, BatchIdentifierKind.DigitalLink, Identifiers.Gtin.Parse(gtinText), lot);
            error = null;
            return true;
        }
        if (text.StartsWith(EpcUrn.SgtinPrefix, StringComparison.Ordinal) || text.StartsWith(EpcUrn.LgtinPrefix, StringComparison.Ordinal))
        {
            if (!EpcUrn.TryParse(text, out var epc, out error)) return false;
            id = new BatchIdentifier(text, epc.IsLot ? BatchIdentifierKind.EpcLgtin : BatchIdentifierKind.EpcSgtin, epc.Gtin, epc.SerialOrLot);
            return true;
        }
        if (text.StartsWith("urn:epc:", StringComparison.OrdinalIgnoreCase) && IsEpcGtinScheme(text))
        {
            error = "EPC GTIN URNs are urn:epc:id:sgtin: or urn:epc:class:lgtin: (lower case)";
            return false;
        }
        if (Urn().IsMatch(text))
        {
            id = new BatchIdentifier(text, BatchIdentifierKind.OtherUrn, null, null);
            error = null;
            return true;
        }
        error = "must be a GS1 Digital Link URI (https://…/01/{gtin}/10/{lot}), urn:epc:class:lgtin:, urn:epc:id:sgtin: or another urn:";
        return false;
    }

    private static bool IsEpcGtinScheme(string text) =>
        text.StartsWith(EpcUrn.SgtinPrefix, StringComparison.OrdinalIgnoreCase) || text.StartsWith(EpcUrn.LgtinPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>RFC 8141 shape: "urn:" NID ":" NSS, NID 2–32 of letters, digits and inner hyphens, NSS printable without spaces.</summary>
    [GeneratedRegex("^urn:[A-Za-z0-9][A-Za-z0-9-]{0,30}[A-Za-z0-9]:[A-Za-z0-9()+,\\-.:=@;$_!*'%/?#~&]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Urn();
}
