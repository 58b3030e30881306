namespace Trace.Domain.Identifiers;

/// <summary>The GS1 mod-10 check digit of numeric keys (GTIN-8/12/13/14, GLN-13, SSCC-18, GSIN-17, GSRN-18).</summary>
/// <remarks>
/// GS1 General Specifications §7.9.1: from the digit next to the check digit leftwards, digits are weighted 3, 1, 3, …;
/// the check digit brings the weighted sum up to a multiple of 10.
/// </remarks>
public static class Gs1CheckDigit
{
    /// <summary>The check digit ('0'…'9') for <paramref name="digits"/>, which hold every digit but the check digit.</summary>
    /// <exception cref="ArgumentException">a character is not an ASCII digit.</exception>
    public static char Compute(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var weight = 3;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var c = digits[i];
            if (c is < '0' or > '9') throw new ArgumentException($"'{c}' is not a digit", nameof(digits));
            sum += (c - '0') * weight;
            weight = 4 - weight;
        }
        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    /// <summary>True when <paramref name="value"/> is at least two ASCII digits and its last digit is the right check digit.</summary>
    public static bool IsValid(ReadOnlySpan<char> value)
    {
        if (value.Length < 2 || !IsAllDigits(value)) return false;
        return Compute(value[..^1]) == value[^1];
    }

    /// <summary>True when every character is an ASCII digit (and there is at least one).</summary>
    public static bool IsAllDigits(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty) return false;
        foreach (var c in value)
            if (c is < '0' or > '9') return false;
        return true;
    }
}
