namespace Trace.Domain.Identifiers;

/// <summary>UN/LOCODE syntax: 2-letter ISO 3166-1 country code + 3 characters from A–Z and 2–9 (e.g. NLRTM, CNNGB).</summary>
/// <remarks>Syntax only (UNECE Recommendation 16); whether the code is in the current code list is not checked.</remarks>
public static class UnLocode
{
    /// <summary>True when <paramref name="code"/> has the UN/LOCODE shape (no space between country and place).</summary>
    public static bool IsValid(string? code)
    {
        if (code is null || code.Length != 5) return false;
        for (var i = 0; i < 2; i++) if (code[i] is < 'A' or > 'Z') return false;
        for (var i = 2; i < 5; i++) if (code[i] is not ((>= 'A' and <= 'Z') or (>= '2' and <= '9'))) return false;
        return true;
    }
}
