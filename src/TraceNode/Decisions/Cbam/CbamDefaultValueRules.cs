using Trace.Domain;

namespace Trace.Node.Decisions.Cbam;

/// <summary>The rules every default-value row obeys, from the operator's file or the admin call alike.</summary>
public static class CbamDefaultValueRules
{
    /// <summary>Longest source text.</summary>
    public const int MaxSourceLength = 512;

    /// <summary>Builds a row, refusing with <see cref="InvalidFieldException"/> whose field is <paramref name="path"/> + the member.</summary>
    public static CbamDefaultValue Build(string path, string? cnCode, string? direct, string? indirect, bool pricesIndirect, string? source,
        DateTimeOffset now, Func<string, string> name)
    {
        if (cnCode is not { Length: 8 } || !cnCode.All(char.IsAsciiDigit))
            throw new InvalidFieldException(path + name("cn_code"), $"\"{cnCode}\" is not an 8-digit CN code");
        var d = DecisionDecimals.NonNegative(direct, path + name("direct_t_co2e_per_tonne"));
        decimal? i = string.IsNullOrEmpty(indirect) ? null : DecisionDecimals.NonNegative(indirect, path + name("indirect_t_co2e_per_tonne"));
        if (pricesIndirect && i is null)
            throw new InvalidFieldException(path + name("indirect_t_co2e_per_tonne"), "is required when indirect emissions are priced");
        if (string.IsNullOrWhiteSpace(source))
            throw new InvalidFieldException(path + name("source"), "is required: cite the publication the default values come from (Trace ships none it cannot cite)");
        if (source.Length > MaxSourceLength) throw new InvalidFieldException(path + name("source"), $"longer than {MaxSourceLength} characters");
        return new CbamDefaultValue(cnCode, d, i, pricesIndirect, source, now);
    }
}
