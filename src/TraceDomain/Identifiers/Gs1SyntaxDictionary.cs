using System.Globalization;

namespace Trace.Domain.Identifiers;

/// <summary>
/// The GS1 Barcode Syntax Dictionary (release 2026-01-27, Apache-2.0, © GS1 AISBL), embedded verbatim as
/// <c>gs1-syntax-dictionary.txt</c>: every AI's format, FNC1 flag, Digital Link role and pairing rules.
/// </summary>
public static class Gs1SyntaxDictionary
{
    private static readonly Lazy<IReadOnlyDictionary<string, Gs1AiEntry>> Entries = new(Load);

    /// <summary>The entry for exactly this AI (e.g. "01", "3103"), or null when the AI is unknown.</summary>
    public static Gs1AiEntry? Find(string ai) => Entries.Value.GetValueOrDefault(ai);

    /// <summary>Every AI, expanded from the dictionary's ranges.</summary>
    public static IEnumerable<Gs1AiEntry> All => Entries.Value.Values;

    private static Dictionary<string, Gs1AiEntry> Load()
    {
        using var stream = typeof(Gs1SyntaxDictionary).Assembly.GetManifestResourceStream("Trace.Domain.Identifiers.gs1-syntax-dictionary.txt")
            ?? throw new InvalidOperationException("the GS1 syntax dictionary is not embedded");
        using var reader = new StreamReader(stream);
        var entries = new Dictionary<string, Gs1AiEntry>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var hash = line.IndexOf('#');
            var title = hash < 0 ? "" : line[(hash + 1)..].Trim();
            var tokens = (hash < 0 ? line : line[..hash]).Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length == 0) continue;
            var index = 1;
            var flags = "";
            if (index < tokens.Length && IsFlags(tokens[index])) flags = tokens[index++];
            var components = new List<Gs1AiComponent>();
            var requires = new List<IReadOnlyList<IReadOnlyList<string>>>();
            var excludes = new List<string>();
            List<IReadOnlyList<string>>? keyQualifiers = null;
            for (; index < tokens.Length; index++)
            {
                var token = tokens[index];
                if (token.StartsWith("req=", StringComparison.Ordinal))
                    requires.Add([.. token[4..].Split(',').Select(group => (IReadOnlyList<string>)group.Split('+'))]);
                else if (token.StartsWith("ex=", StringComparison.Ordinal))
                    excludes.AddRange(token[3..].Split(','));
                else if (token == "dlpkey")
                    (keyQualifiers ??= []).Add([]);
                else if (token.StartsWith("dlpkey=", StringComparison.Ordinal))
                    foreach (var alternative in token[7..].Split('|'))
                        (keyQualifiers ??= []).Add(alternative.Split(','));
                else if (token[0] is 'N' or 'X' or 'Y' or 'Z' or '[')
                    components.Add(Gs1AiComponent.Parse(token));
            }
            foreach (var ai in Expand(tokens[0]))
                entries[ai] = new Gs1AiEntry(ai, flags.Contains('*'), flags.Contains('?'), components, requires, excludes, keyQualifiers, title);
        }
        return entries;
    }

    private static bool IsFlags(string token) => token.All(c => "*!?\"$%&'()+,-./:;<=>@[\\]^_`{|}~".Contains(c));

    private static IEnumerable<string> Expand(string range)
    {
        var dash = range.IndexOf('-');
        if (dash < 0) { yield return range; yield break; }
        var first = range[..dash];
        var last = range[(dash + 1)..];
        var from = int.Parse(first, CultureInfo.InvariantCulture);
        var to = int.Parse(last, CultureInfo.InvariantCulture);
        for (var ai = from; ai <= to; ai++) yield return ai.ToString(CultureInfo.InvariantCulture).PadLeft(first.Length, '0');
    }
}
