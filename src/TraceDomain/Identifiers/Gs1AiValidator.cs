namespace Trace.Domain.Identifiers;

/// <summary>Checks AI values against the GS1 Barcode Syntax Dictionary: components, character sets, lengths, linters, pairings.</summary>
public static class Gs1AiValidator
{
    /// <summary>Null when <paramref name="value"/> is a valid value of <paramref name="entry"/>'s AI, else the reason.</summary>
    public static string? CheckValue(Gs1AiEntry entry, string value)
    {
        var position = 0;
        foreach (var component in entry.Components)
        {
            var remaining = value.Length - position;
            if (remaining == 0)
            {
                if (component.Optional) break;
                return $"AI ({entry.Ai}) value '{value}' is too short";
            }
            int take;
            if (component.MinLength == component.MaxLength)
            {
                if (remaining < component.MinLength) return $"AI ({entry.Ai}) value '{value}' is too short";
                take = component.MinLength;
            }
            else
            {
                take = Math.Min(remaining, component.MaxLength);
            }
            var part = value.Substring(position, take);
            position += take;
            if (!component.InCharacterSet(part)) return $"AI ({entry.Ai}) value '{value}' contains a character not allowed";
            foreach (var linter in component.Linters)
                if (Gs1Linters.Check(linter, part) is { } reason) return $"AI ({entry.Ai}) value '{value}': {reason}";
        }
        return position == value.Length ? null : $"AI ({entry.Ai}) value '{value}' is too long";
    }

    /// <summary>Null when the AIs satisfy every "req=" and "ex=" rule of the dictionary, else the first violation.</summary>
    public static string? CheckPairings(IReadOnlyList<string> ais)
    {
        foreach (var ai in ais)
        {
            var entry = Gs1SyntaxDictionary.Find(ai);
            if (entry is null) continue;
            foreach (var requirement in entry.Requires)
                if (!requirement.Any(group => group.All(pattern => ais.Any(other => Matches(pattern, other)))))
                    return $"AI ({ai}) requires one of ({string.Join(", ", requirement.Select(g => string.Join("+", g)))})";
            foreach (var pattern in entry.Excludes)
                if (ais.FirstOrDefault(other => other != ai && Matches(pattern, other)) is { } clash)
                    return $"AI ({ai}) may not appear with AI ({clash})";
        }
        return null;
    }

    private static bool Matches(string pattern, string ai)
    {
        if (pattern.Length != ai.Length) return false;
        for (var i = 0; i < pattern.Length; i++)
            if (pattern[i] != ai[i] && !(pattern[i] == 'n' && ai[i] is >= '0' and <= '9')) return false;
        return true;
    }
}
