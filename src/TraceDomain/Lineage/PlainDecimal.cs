using System.Globalization;

namespace Trace.Domain.Lineage;

/// <summary>A figure as the lineage answers write it: no exponent, "." separator, no trailing zeros after the point.</summary>
public static class PlainDecimal
{
    /// <summary>The shortest plain text of <paramref name="value"/>: 12.5000 is "12.5", 1000 stays "1000", any zero is "0".</summary>
    /// <remarks>
    /// Trims the formatted text instead of normalising the scale by a decimal division: a 10,000-batch lineage answer
    /// formats about 60,000 figures, and the division was most of each one's cost.
    /// </remarks>
    public static string Format(decimal value)
    {
        if (value == 0m) return "0"; // a negative zero too
        Span<char> text = stackalloc char[48]; // 29 digits, a sign and a point: at most 31
        value.TryFormat(text, out var length, default, CultureInfo.InvariantCulture);
        if (text[..length].Contains('.'))
        {
            while (text[length - 1] == '0') length--;
            if (text[length - 1] == '.') length--;
        }
        return new string(text[..length]);
    }
}
