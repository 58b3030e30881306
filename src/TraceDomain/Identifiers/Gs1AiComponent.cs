namespace Trace.Domain.Identifiers;

/// <summary>One component of an AI's data field in the GS1 Barcode Syntax Dictionary, e.g. "N13,csum" or "[X..17]".</summary>
/// <param name="CharacterSet">'N' digits, 'X' GS1 AI encodable character set 82, 'Y' set 39, 'Z' base64url.</param>
public sealed record Gs1AiComponent(char CharacterSet, int MinLength, int MaxLength, bool Optional, IReadOnlyList<string> Linters)
{
    private const string Cset82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    private const string Cset39 = "#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Cset64 = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz=";

    /// <summary>True when every character of <paramref name="part"/> belongs to this component's character set.</summary>
    public bool InCharacterSet(ReadOnlySpan<char> part)
    {
        var set = CharacterSet switch { 'N' => "0123456789", 'X' => Cset82, 'Y' => Cset39, _ => Cset64 };
        foreach (var c in part)
            if (set.IndexOf(c) < 0) return false;
        return true;
    }

    /// <summary>Parses a dictionary component token such as "N6,yymmd0", "X..20" or "[N3],iso3166".</summary>
    public static Gs1AiComponent Parse(string token)
    {
        var optional = token.StartsWith('[');
        var close = optional ? token.IndexOf(']') : -1;
        var typePart = optional ? token[1..close] : token.Split(',')[0];
        var rest = optional ? token[(close + 1)..] : token[typePart.Length..];
        var linters = rest.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var set = typePart[0];
        var length = typePart[1..];
        int min, max;
        if (length.StartsWith("..", StringComparison.Ordinal)) { min = 1; max = int.Parse(length[2..], System.Globalization.CultureInfo.InvariantCulture); }
        else { min = max = int.Parse(length, System.Globalization.CultureInfo.InvariantCulture); }
        return new Gs1AiComponent(set, min, max, optional, linters);
    }
}
