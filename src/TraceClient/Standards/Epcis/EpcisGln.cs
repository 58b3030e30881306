using System.Diagnostics.CodeAnalysis;
using Trace.Domain.Identifiers;

namespace Trace.Client.Standards.Epcis;

/// <summary>
/// The GLN behind an EPCIS location or party identifier: <c>urn:epc:id:sgln:CP.LocRef.Ext</c> (the extension names a
/// sub-location of the same GLN), <c>urn:epc:id:pgln:CP.PartyRef</c>, GS1 Digital Link <c>/414/</c> or <c>/417/</c>, or a bare GLN-13.
/// </summary>
public static class EpcisGln
{
    /// <summary>The 13-digit GLN with its computed check digit, or false when <paramref name="id"/> carries none.</summary>
    public static bool TryParse(string? id, [NotNullWhen(true)] out string? gln)
    {
        gln = null;
        if (string.IsNullOrEmpty(id)) return false;
        foreach (var prefix in (string[])["urn:epc:id:sgln:", "urn:epc:id:pgln:"])
        {
            if (!id.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var parts = id[prefix.Length..].Split('.');
            if (parts.Length < 2) return false;
            var digits = parts[0] + parts[1];
            if (digits.Length != 12 || !Gs1CheckDigit.IsAllDigits(digits)) return false;
            gln = digits + Gs1CheckDigit.Compute(digits);
            return true;
        }
        foreach (var ai in (string[])["/414/", "/417/"])
        {
            var at = id.IndexOf(ai, StringComparison.Ordinal);
            if (at < 0 || !(id.StartsWith("https://", StringComparison.Ordinal) || id.StartsWith("http://", StringComparison.Ordinal))) continue;
            var value = new string(id.AsSpan(at + ai.Length).ToString().TakeWhile(char.IsAsciiDigit).ToArray());
            if (value.Length == 13 && Gs1CheckDigit.IsValid(value)) { gln = value; return true; }
            return false;
        }
        if (id.Length == 13 && Gs1CheckDigit.IsValid(id)) { gln = id; return true; }
        return false;
    }
}
