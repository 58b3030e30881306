namespace Trace.Node.Participants;

/// <summary>Legal Entity Identifiers (ISO 17442): 18 alphanumeric characters and two check digits under ISO 7064 MOD 97-10.</summary>
public static class LeiCode
{
    /// <summary>Length of an LEI.</summary>
    public const int Length = 20;

    /// <summary>Null when <paramref name="lei"/> (upper case) is a well-formed LEI with correct check digits, else why not.</summary>
    public static string? Check(string lei)
    {
        ArgumentNullException.ThrowIfNull(lei);
        if (lei.Length != Length) return $"an LEI has {Length} characters, got {lei.Length}";
        for (var i = 0; i < Length; i++)
        {
            var c = lei[i];
            if (i >= 18 ? !char.IsAsciiDigit(c) : !(char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)))
                return i >= 18 ? "an LEI ends with two check digits" : $"character {i + 1} '{c}' is not A-Z or 0-9";
        }
        return Mod97(lei) == 1 ? null : $"check digits {lei[18..]} are wrong (ISO 17442, ISO 7064 MOD 97-10)";
    }

    /// <summary>The two check digits for an 18-character LEI prefix (for test data and tools).</summary>
    public static string CheckDigits(string prefix18)
    {
        ArgumentNullException.ThrowIfNull(prefix18);
        if (prefix18.Length != 18) throw new ArgumentException("an LEI prefix has 18 characters", nameof(prefix18));
        var check = 98 - Mod97(prefix18 + "00");
        return check.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
    }

    // Letters count as two digits (A = 10 ... Z = 35), as in IBAN checks; the remainder is folded digit by digit.
    private static int Mod97(string text)
    {
        var remainder = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c)) remainder = (remainder * 10 + (c - '0')) % 97;
            else remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
        }
        return remainder;
    }
}
