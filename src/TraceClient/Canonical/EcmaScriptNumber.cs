using System.Globalization;

namespace Trace.Client.Canonical;

/// <summary>Formats an IEEE double exactly as ECMAScript Number.prototype.toString does (RFC 8785 §3.2.2.3).</summary>
internal static class EcmaScriptNumber
{
    public static string Format(double value)
    {
        if (!double.IsFinite(value)) throw new CanonicalJsonException($"{value} has no JSON form (NaN and Infinity are not allowed)");
        if (value == 0) return "0"; // also -0

        // .NET's "R" gives the shortest round-trip digits (same digit choice as ECMAScript); only the layout differs.
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = text[0] == '-';
        if (negative) text = text[1..];
        var exponentAt = text.IndexOfAny(['E', 'e']);
        var exponent = exponentAt < 0 ? 0 : int.Parse(text.AsSpan(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = exponentAt < 0 ? text : text[..exponentAt];
        var point = mantissa.IndexOf('.');
        var digits = point < 0 ? mantissa : mantissa.Remove(point, 1);
        // n: position of the decimal point relative to the first digit (value = 0.digits × 10^n).
        var n = (point < 0 ? mantissa.Length : point) + exponent;
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits[leadingZeros..].TrimEnd('0');
        n -= leadingZeros;
        var k = digits.Length;

        string result;
        if (k <= n && n <= 21) result = digits + new string('0', n - k);
        else if (0 < n && n <= 21) result = digits[..n] + "." + digits[n..];
        else if (-6 < n && n <= 0) result = "0." + new string('0', -n) + digits;
        else
        {
            var e = n - 1;
            var significand = k == 1 ? digits : digits[..1] + "." + digits[1..];
            result = significand + "e" + (e < 0 ? "-" : "+") + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
        }
        return negative ? "-" + result : result;
    }
}
