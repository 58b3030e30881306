using System.Diagnostics.CodeAnalysis;

namespace Trace.Domain.Identifiers;

/// <summary>A GS1 Global Trade Item Number, always held as 14 digits (GTIN-8/12/13 are left-padded with zeros).</summary>
public readonly record struct Gtin
{
    private Gtin(string value) => Value = value;

    /// <summary>The 14 digits, check digit last.</summary>
    public string Value { get; }

    /// <summary>Parses a GTIN-8, -12, -13 or -14 and checks its check digit; <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string? text, out Gtin gtin, [NotNullWhen(false)] out string? error)
    {
        gtin = default;
        if (string.IsNullOrEmpty(text)) { error = "the GTIN is empty"; return false; }
        if (!Gs1CheckDigit.IsAllDigits(text)) { error = $"GTIN {text} must be digits only"; return false; }
        if (text.Length is not (8 or 12 or 13 or 14)) { error = $"GTIN {text} has {text.Length} digits, expected 8, 12, 13 or 14"; return false; }
        var expected = Gs1CheckDigit.Compute(text.AsSpan(0, text.Length - 1));
        if (expected != text[^1]) { error = $"GTIN {text} has check digit {text[^1]}, expected {expected}"; return false; }
        gtin = new Gtin(text.PadLeft(14, '0'));
        error = null;
        return true;
    }

    /// <summary>Parses a GTIN or throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static Gtin Parse(string text) => TryParse(text, out var gtin, out var error) ? gtin : throw new FormatException(error);

    /// <summary>Builds a GTIN-14 from its first 13 digits, computing the check digit.</summary>
    public static Gtin FromDigitsWithoutCheck(string thirteenDigits)
    {
        if (thirteenDigits.Length != 13 || !Gs1CheckDigit.IsAllDigits(thirteenDigits))
            throw new ArgumentException("13 digits expected", nameof(thirteenDigits));
        return new Gtin(thirteenDigits + Gs1CheckDigit.Compute(thirteenDigits));
    }

    public override string ToString() => Value ?? string.Empty;
}
