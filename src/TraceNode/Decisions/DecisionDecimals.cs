using System.Globalization;
using System.Text.RegularExpressions;
using Trace.Domain;

namespace Trace.Node.Decisions;

/// <summary>
/// Decimal strings as Trace's records write them (<c>^(0|[1-9][0-9]*)(\.[0-9]+)?$</c>, at most 28 significant digits):
/// parsed exactly into <see cref="decimal"/>, refused with the field named.
/// </summary>
public static partial class DecisionDecimals
{
    /// <summary>The most significant digits a figure may carry (what <see cref="decimal"/> holds exactly).</summary>
    public const int MaxSignificantDigits = 28;

    /// <summary>Parses <paramref name="text"/>; null when it is not a plain non-negative decimal string.</summary>
    public static decimal? TryParse(string? text)
    {
        if (text is null || !Pattern().IsMatch(text)) return null;
        var digits = text.Replace(".", "", StringComparison.Ordinal).TrimStart('0');
        if (digits.Length > MaxSignificantDigits) return null;
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>A decimal &gt; 0, or <see cref="InvalidFieldException"/> naming <paramref name="field"/>.</summary>
    public static decimal Positive(string? text, string field)
    {
        var value = TryParse(text);
        if (value is not { } v || v <= 0)
            throw new InvalidFieldException(field, $"\"{text}\" is not a decimal > 0 written as a string (e.g. \"1000\" or \"0.5\")");
        return v;
    }

    /// <summary>A decimal &gt;= 0, or <see cref="InvalidFieldException"/> naming <paramref name="field"/>.</summary>
    public static decimal NonNegative(string? text, string field) =>
        TryParse(text) ?? throw new InvalidFieldException(field, $"\"{text}\" is not a decimal >= 0 written as a string (e.g. \"0\" or \"1.5\")");

    /// <summary>Plain notation, trailing zeros after the point removed ("1.50" → "1.5", "2.0" → "2").</summary>
    public static string Plain(decimal value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }

    [GeneratedRegex(@"^(0|[1-9][0-9]*)(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
