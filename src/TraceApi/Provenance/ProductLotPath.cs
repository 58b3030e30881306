using System.Diagnostics.CodeAnalysis;
using Trace.Domain.Identifiers;

namespace Trace.Api.Provenance;

/// <summary>
/// The GTIN and lot of a GS1 Digital Link path <c>/01/{gtin}/10/{lot}</c>: the GTIN's check digit is checked and a GTIN-8,
/// -12 or -13 is zero-padded to 14 digits as GS1 Digital Link does; the lot is GS1 AI 10 (1 to 20 characters of set 82).
/// </summary>
public sealed record ProductLotPath(Gtin Gtin, string Lot)
{
    /// <summary>The canonical path: 14-digit GTIN, lot percent-encoded.</summary>
    public string CanonicalPath => $"/01/{Gtin.Value}/10/{Uri.EscapeDataString(Lot)}";

    /// <summary>Parses the two path values (already percent-decoded); <paramref name="error"/> names the part that is wrong.</summary>
    public static bool TryParse(string gtin, string lot, [NotNullWhen(true)] out ProductLotPath? path, [NotNullWhen(false)] out string? error)
    {
        path = null;
        if (!Gtin.TryParse(gtin, out var parsed, out var gtinError)) { error = $"gtin (AI 01): {gtinError}"; return false; }
        if (lot.Length is < 1 or > 20) { error = $"lot (AI 10): must be 1 to 20 characters, got {lot.Length}"; return false; }
        foreach (var c in lot)
            if (!IsSet82(c)) { error = $"lot (AI 10): character '{c}' is not in GS1 character set 82"; return false; }
        path = new ProductLotPath(parsed, lot);
        error = null;
        return true;
    }

    /// <summary>GS1 AI encodable character set 82 (GS1 General Specifications, figure 7.11-1).</summary>
    private static bool IsSet82(char c) => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9'
        or '!' or '"' or '%' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or '-' or '.' or '/' or ':' or ';' or '<' or '=' or '>' or '?' or '_';
}
