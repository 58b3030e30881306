using System.Text;

namespace Trace.Node.Storage;

/// <summary>
/// Turns "starts with P" into the range P &lt;= s &lt; U over code-point order, which SQLite's BINARY collation and
/// PostgreSQL's "C" collation (UTF-8 byte order) both follow, so the query is an index range scan.
/// </summary>
public static class SubjectPrefixRange
{
    /// <summary>
    /// The least string greater than every string that starts with <paramref name="prefix"/>: the prefix with its last
    /// code point incremented (U+10FFFF is dropped and the one before it incremented); null when there is none.
    /// </summary>
    public static string? UpperBound(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var runes = prefix.EnumerateRunes().ToList();
        while (runes.Count > 0)
        {
            var last = runes[^1].Value;
            runes.RemoveAt(runes.Count - 1);
            if (last == 0x10FFFF) continue;
            var next = last + 1 == 0xD800 ? 0xE000 : last + 1; // surrogate code points are not scalar values
            var builder = new StringBuilder(prefix.Length + 1);
            foreach (var rune in runes) builder.Append(rune.ToString());
            builder.Append(new Rune(next).ToString());
            return builder.ToString();
        }
        return null;
    }
}
