using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Trace.Domain.Identifiers;

/// <summary>
/// A parsed GS1 Digital Link URI (GS1 Digital Link standard 1.2 / URI syntax): the primary key and its qualifiers from the
/// path, the AI data attributes from the query, in order. Parsing follows GS1's reference implementation (gs1-syntax-engine
/// <c>gs1_parseDLuri</c>) with its default, strict options: no convenience alphas (/gtin/), no zero-suppressed GTINs,
/// no unknown AIs.
/// </summary>
public sealed class Gs1DigitalLink
{
    // RFC 3986 characters (unreserved, reserved and '%'); anything else makes the URI invalid.
    private const string UriCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%";
    private const string BadDomainCharacters = "_~?#@!$&'()*+,;=%";

    private Gs1DigitalLink(IReadOnlyList<Gs1Element> elements, int pathElementCount)
    {
        Elements = elements;
        PathElementCount = pathElementCount;
    }

    /// <summary>Every element, path first (primary key, then qualifiers), then query attributes as they appeared.</summary>
    public IReadOnlyList<Gs1Element> Elements { get; }

    /// <summary>How many of <see cref="Elements"/> came from the path (the primary key and its qualifiers).</summary>
    public int PathElementCount { get; }

    /// <summary>The primary key element, e.g. (01) GTIN or (00) SSCC.</summary>
    public Gs1Element PrimaryKey => Elements[0];

    /// <summary>The value of <paramref name="ai"/>, or null when absent.</summary>
    public string? this[string ai] => Elements.FirstOrDefault(e => e.Ai == ai)?.Value;

    /// <summary>The GS1 element string with "^" for FNC1 (leading, and after every AI of variable length that is followed by another).</summary>
    public string ElementString
    {
        get
        {
            var builder = new StringBuilder();
            var separatorNeeded = true;
            foreach (var element in Elements)
            {
                if (separatorNeeded) builder.Append('^');
                builder.Append(element.Ai).Append(element.Value);
                separatorNeeded = !(Gs1SyntaxDictionary.Find(element.Ai)?.PredefinedLength ?? false);
            }
            return builder.ToString();
        }
    }

    /// <summary>Parses <paramref name="uri"/>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(string? uri, [NotNullWhen(true)] out Gs1DigitalLink? link, [NotNullWhen(false)] out string? error)
    {
        link = null;
        error = Parse(uri ?? "", out var elements, out var pathCount);
        if (error is not null) return false;
        link = new Gs1DigitalLink(elements!, pathCount);
        return true;
    }

    /// <summary>Parses <paramref name="uri"/> or throws <see cref="FormatException"/> naming the problem.</summary>
    public static Gs1DigitalLink Parse(string uri) => TryParse(uri, out var link, out var error) ? link : throw new FormatException(error);

    private static string? Parse(string uri, out List<Gs1Element>? elements, out int pathCount)
    {
        elements = null;
        pathCount = 0;
        foreach (var c in uri)
            if (UriCharacters.IndexOf(c) < 0) return $"the URI contains the character '{c}', which is not allowed in a URI";
        string rest;
        if (uri.StartsWith("https://", StringComparison.Ordinal) || uri.StartsWith("HTTPS://", StringComparison.Ordinal)) rest = uri[8..];
        else if (uri.StartsWith("http://", StringComparison.Ordinal) || uri.StartsWith("HTTP://", StringComparison.Ordinal)) rest = uri[7..];
        else return "a GS1 Digital Link URI starts with http:// or https://";

        var slash = rest.IndexOf('/');
        if (slash < 1) return "the URI has no domain or no path";
        if (rest.AsSpan(0, slash).IndexOfAny(BadDomainCharacters) >= 0) return "the domain contains a character not allowed in a domain name";
        var path = rest[slash..];
        var hash = path.IndexOf('#');
        if (hash >= 0) path = path[..hash]; // the fragment is not part of the identifier
        string? query = null;
        var question = path.IndexOf('?');
        if (question >= 0) { query = path[(question + 1)..]; path = path[..question]; }

        // Search backwards, one "/AI/value" pair at a time, for the rightmost primary key; what lies left of it is the stem.
        var keyStart = -1;
        var end = path.Length;
        while (true)
        {
            var valueSlash = path.LastIndexOf('/', end - 1);
            if (valueSlash <= 0) break;
            var aiSlash = path.LastIndexOf('/', valueSlash - 1);
            if (aiSlash < 0) break;
            var entry = Gs1SyntaxDictionary.Find(path[(aiSlash + 1)..valueSlash]);
            if (entry is null) break;
            if (entry.PrimaryKeyQualifiers is not null) { keyStart = aiSlash; break; }
            end = aiSlash;
            if (end == 0) break;
        }
        if (keyStart < 0) return "no GS1 Digital Link primary key (e.g. /01/{GTIN}) found in the path";

        elements = [];
        var segments = path[(keyStart + 1)..].Split('/');
        for (var i = 0; i + 1 < segments.Length; i += 2)
        {
            var ai = segments[i];
            if (segments[i + 1].Length == 0) return $"AI ({ai}) has an empty value in the path";
            if (Unescape(segments[i + 1], query: false) is not { } value) return $"AI ({ai}) value decodes to a NUL character";
            elements.Add(new Gs1Element(ai, value));
        }
        if (segments.Length % 2 != 0) return "the path ends without a value";
        pathCount = elements.Count;
        var pathAis = elements.Select(e => e.Ai).ToList();
        if (!IsKeyQualifierSequence(pathAis)) return $"/{string.Join("/…/", pathAis)}/… is not a valid primary key and qualifier sequence";

        if (query is not null)
        {
            foreach (var parameter in query.Split('&'))
            {
                if (parameter.Length == 0) continue;
                var equals = parameter.IndexOf('=');
                if (equals < 0) continue; // a singleton is not AI data
                var name = parameter[..equals];
                if (!Gs1CheckDigit.IsAllDigits(name)) continue; // other parameters are not AI data either
                var entry = Gs1SyntaxDictionary.Find(name);
                if (entry is null) return $"query parameter {name} is numeric but not a known AI";
                if (equals == parameter.Length - 1) return $"AI ({name}) has an empty value in the query";
                if (Unescape(parameter[(equals + 1)..], query: true) is not { } value) return $"AI ({name}) value decodes to a NUL character";
                if (elements.Any(e => e.Ai == name)) return $"AI ({name}) appears more than once";
                if (!entry.DigitalLinkAttribute) return $"AI ({name}) is not allowed as a Digital Link data attribute";
                for (var position = 1; position <= pathAis.Count; position++)
                {
                    var trial = new List<string>(pathAis);
                    trial.Insert(position, name);
                    if (IsKeyQualifierSequence(trial)) return $"AI ({name}) is a key qualifier and belongs in the path, not the query";
                }
                elements.Add(new Gs1Element(name, value));
            }
        }

        foreach (var element in elements)
            if (Gs1AiValidator.CheckValue(Gs1SyntaxDictionary.Find(element.Ai)!, element.Value) is { } reason) return reason;
        return Gs1AiValidator.CheckPairings([.. elements.Select(e => e.Ai)]);
    }

    // A valid path is a primary key followed by an in-order subset of one of its qualifier alternatives.
    private static bool IsKeyQualifierSequence(IReadOnlyList<string> ais)
    {
        var key = Gs1SyntaxDictionary.Find(ais[0]);
        if (key?.PrimaryKeyQualifiers is null) return false;
        foreach (var alternative in key.PrimaryKeyQualifiers)
        {
            var next = 0;
            var ok = true;
            for (var i = 1; i < ais.Count && ok; i++)
            {
                while (next < alternative.Count && alternative[next] != ais[i]) next++;
                if (next == alternative.Count) ok = false;
                else next++;
            }
            if (ok) return true;
        }
        return false;
    }

    // Percent-decoding as the reference parser does it: "%hh" is a byte, anything else is literal; '+' is a space only in
    // the query. A decoded NUL refuses the URI (null result).
    private static string? Unescape(string text, bool query)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                var b = (char)Convert.ToInt32(text.Substring(i + 1, 2), 16);
                if (b == '\0') return null;
                builder.Append(b);
                i += 2;
            }
            else if (query && text[i] == '+') builder.Append(' ');
            else builder.Append(text[i]);
        }
        return builder.ToString();
    }
}
