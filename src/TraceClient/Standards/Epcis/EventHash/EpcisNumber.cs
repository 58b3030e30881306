using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace Trace.Client.Standards.Epcis.EventHash;

/// <summary>
/// A numeric value as the GS1 event hash writes it: no trailing zeros, no leading "+" or zeros, no quotes (CBV 2.0 §8.9
/// "quantitative values SHALL NOT have trailing zeros").
/// </summary>
/// <remarks>
/// The value is read as an IEEE double, as the reference implementation does, so both agree to the byte: a whole number
/// is written as an integer ("1.0" → "1", "2E3" → "2000"), any other as the shortest text that reads back as the same
/// double ("0.50" → "0.5", "1.5e-7" → "1.5e-07"). Digits beyond a double's 15-17 significant ones are therefore not kept.
/// </remarks>
public static partial class EpcisNumber
{
    /// <summary>The canonical text of <paramref name="text"/> when it is a decimal number, else null.</summary>
    public static string? TryNormalise(string text)
    {
        if (!NumberPattern().IsMatch(text)) return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value)) return null;
        if (value == 0) return "0";
        if (double.IsInteger(value)) return new BigInteger(value).ToString(CultureInfo.InvariantCulture);
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var e = shortest.IndexOf('E', StringComparison.Ordinal);
        if (e < 0) return shortest;
        var exponent = int.Parse(shortest.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        // Python's repr, which the reference writes, keeps positional notation up to 1e16 and writes "e-05" below 1e-4.
        return exponent < 0
            ? string.Concat(shortest.AsSpan(0, e), "e-", (-exponent).ToString("00", CultureInfo.InvariantCulture))
            : Positional(shortest[..e], exponent);
    }

    private static string Positional(string mantissa, int exponent)
    {
        var negative = mantissa.StartsWith('-');
        var digits = mantissa.TrimStart('-');
        var dot = digits.IndexOf('.');
        var whole = dot < 0 ? digits : digits[..dot];
        var fraction = dot < 0 ? "" : digits[(dot + 1)..];
        var all = whole + fraction;
        var point = whole.Length + exponent;
        var text = point >= all.Length ? all + new string('0', point - all.Length) : $"{all[..point]}.{all[point..]}";
        return negative ? "-" + text : text;
    }

    [GeneratedRegex(@"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
