namespace Trace.Domain;

/// <summary>
/// Case-sensitive order of strings by Unicode code point, which is the order of their UTF-8 bytes: SQLite's BINARY
/// collation, and CBV 2.0's "UTF-8/ASCII code values" for EPCIS event hashes.
/// </summary>
/// <remarks>
/// Ordinal UTF-16 order differs only where a surrogate (half of a code point above U+FFFF) meets U+E000–U+FFFF: the
/// surrogate must sort after. Ranking U+E000–U+FFFF down by 0x800 and surrogates up by 0x2000 puts them in code point
/// order without decoding.
/// </remarks>
public sealed class CodePointOrder : IComparer<string>
{
    public static readonly CodePointOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var a = x.AsSpan();
        var b = y.AsSpan();
        var common = a.CommonPrefixLength(b);
        if (common == a.Length || common == b.Length) return a.Length - b.Length;
        return Rank(a[common]) - Rank(b[common]);
    }

    private static int Rank(char c) => c < 0xD800 ? c : c >= 0xE000 ? c - 0x800 : c + 0x2000;
}
