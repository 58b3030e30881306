using System.Globalization;
using System.Text.RegularExpressions;

namespace Trace.Client.Standards.Pact;

/// <summary>Decimal figures as PACT writes them: JSON strings in plain notation (no exponent), read exactly as C# decimals.</summary>
public static partial class PactDecimals
{
    /// <summary>Plain notation, trailing zeros removed, at most 28 decimal places ("496", "0.4", "-1.23").</summary>
    public static string Format(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>
    /// <see cref="Format"/> after rounding to at most 28 significant digits (half away from zero): what a Trace record
    /// accepts as a decimal, so an exported figure can be declared again as written.
    /// </summary>
    public static string FormatForRecord(decimal value)
    {
        var text = Format(value);
        var digits = text.TrimStart('-').Replace(".", "", StringComparison.Ordinal).TrimStart('0').Length;
        var places = DecimalPlaces(text);
        return digits <= 28 || places == 0 ? text : Format(Math.Round(value, Math.Max(0, places - (digits - 28)), MidpointRounding.AwayFromZero));
    }

    /// <summary>Parses a PACT decimal string (optional minus sign, digits, optional fraction), or false.</summary>
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0m;
        return text is not null && DecimalText().IsMatch(text)
            && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Number of digits after the decimal point as written ("1.230" has 3): the precision the writer stated.</summary>
    public static int DecimalPlaces(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? 0 : text.Length - dot - 1;
    }

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalText();
}
