namespace Trace.Domain;

/// <summary>The "0x" + lower-case hex spelling of record ids and digests, without depending on a crypto library.</summary>
internal static class DomainHex
{
    public static string Encode(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    /// <summary>Decodes hex digits with an optional "0x" prefix; false on odd length or a non-hex character.</summary>
    public static bool TryDecode(string text, out byte[] bytes)
    {
        var digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        bytes = [];
        if (digits.Length % 2 != 0) return false;
        foreach (var c in digits)
            if (!char.IsAsciiHexDigit(c)) return false;
        bytes = Convert.FromHexString(digits);
        return true;
    }
}
