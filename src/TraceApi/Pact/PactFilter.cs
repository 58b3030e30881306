using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Trace.Api.Pact;

/// <summary>
/// The OData v4 <c>$filter</c> subset PACT v2 ListFootprints uses (Tech Specs §6.6): comparisons <c>path op literal</c>
/// with eq, ne, lt, le, gt, ge on members of the ProductFootprint (paths with '/', e.g. <c>pcf/referencePeriodStart</c>),
/// lambda <c>collection/any(x:(x eq 'value'))</c>, <c>and</c>, <c>or</c>, <c>not</c> and parentheses. Literals are
/// 'quoted strings' ('' escapes a quote) or numbers; values that both read as RFC 3339 times compare as times.
/// Anything else is refused with <see cref="FormatException"/> (the API answers BadRequest).
/// </summary>
public sealed class PactFilter
{
    private readonly Func<JsonObject, bool> _test;

    private PactFilter(Func<JsonObject, bool> test) => _test = test;

    /// <summary>True when the footprint matches.</summary>
    public bool Matches(JsonObject productFootprint) => _test(productFootprint);

    /// <summary>Parses <paramref name="text"/>; empty matches everything.</summary>
    /// <exception cref="FormatException">not in the supported subset; the message says where.</exception>
    public static PactFilter Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new PactFilter(_ => true);
        var parser = new Parser(Tokenize(text));
        var expr = parser.Or(null);
        parser.End();
        return new PactFilter(pf => expr(pf, null));
    }

    private sealed record Token(string Kind, string Text, int Position);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c is '(' or ')' or ':' or ',') { tokens.Add(new Token(c.ToString(), c.ToString(), i)); i++; continue; }
            if (c == '\'')
            {
                var start = i++;
                var value = new System.Text.StringBuilder();
                while (true)
                {
                    if (i >= text.Length) throw new FormatException($"unterminated string literal at position {start}");
                    if (text[i] == '\'')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '\'') { value.Append('\''); i += 2; continue; }
                        i++;
                        break;
                    }
                    value.Append(text[i++]);
                }
                tokens.Add(new Token("string", value.ToString(), start));
                continue;
            }
            if (char.IsDigit(c) || (c == '-' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                var start = i++;
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.')) i++;
                if (!decimal.TryParse(text[start..i], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
                    throw new FormatException($"'{text[start..i]}' at position {start} is not a number");
                tokens.Add(new Token("number", text[start..i], start));
                continue;
            }
            if (char.IsLetter(c) || c == '_' || c == '$')
            {
                var start = i++;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '/')) i++;
                tokens.Add(new Token("name", text[start..i], start));
                continue;
            }
            throw new FormatException($"unexpected '{c}' at position {i}");
        }
        return tokens;
    }

    private delegate bool Expr(JsonObject pf, (string Name, JsonNode? Value)? lambda);

    private sealed class Parser(List<Token> tokens)
    {
        private static readonly string[] Operators = ["eq", "ne", "lt", "le", "gt", "ge"];
        private int _at;

        private Token? Peek => _at < tokens.Count ? tokens[_at] : null;

        public void End()
        {
            if (Peek is { } extra) throw new FormatException($"unexpected '{extra.Text}' at position {extra.Position}");
        }

        public Expr Or(string? variable)
        {
            var left = And(variable);
            while (Peek is { Kind: "name", Text: "or" }) { _at++; var l = left; var r = And(variable); left = (pf, v) => l(pf, v) || r(pf, v); }
            return left;
        }

        private Expr And(string? variable)
        {
            var left = Unary(variable);
            while (Peek is { Kind: "name", Text: "and" }) { _at++; var l = left; var r = Unary(variable); left = (pf, v) => l(pf, v) && r(pf, v); }
            return left;
        }

        private Expr Unary(string? variable)
        {
            if (Peek is { Kind: "name", Text: "not" }) { _at++; var inner = Unary(variable); return (pf, v) => !inner(pf, v); }
            if (Peek is { Kind: "(" })
            {
                _at++;
                var inner = Or(variable);
                Expect(")");
                return inner;
            }
            return Comparison(variable);
        }

        private Expr Comparison(string? variable)
        {
            var path = Expect("name");
            if (path.Text.EndsWith("/any", StringComparison.Ordinal)) return Any(path.Text[..^4], variable);
            var op = Expect("name");
            if (!Operators.Contains(op.Text)) throw new FormatException($"unsupported operator '{op.Text}' at position {op.Position} (eq, ne, lt, le, gt, ge)");
            var literal = Peek is { Kind: "string" or "number" } t ? tokens[_at++] : throw new FormatException($"a literal ('text' or a number) expected at position {Peek?.Position ?? -1}");
            var segments = path.Text.Split('/');
            return (pf, v) =>
            {
                var value = variable is not null && segments[0] == variable && v is { } bound
                    ? Resolve(bound.Value, segments.AsSpan(1))
                    : Resolve(pf, segments);
                return value is not null && Compare(value, literal, op.Text);
            };
        }

        private Expr Any(string collectionPath, string? outer)
        {
            Expect("(");
            var variable = Expect("name").Text;
            Expect(":");
            var body = Or(variable);
            Expect(")");
            var segments = collectionPath.Split('/');
            return (pf, v) =>
            {
                var collection = outer is not null && segments[0] == outer && v is { } bound ? Resolve(bound.Value, segments.AsSpan(1)) : Resolve(pf, segments);
                return collection is JsonArray items && items.Any(item => body(pf, (variable, item)));
            };
        }

        private Token Expect(string kind)
        {
            var t = Peek ?? throw new FormatException($"'{kind}' expected at the end of the filter");
            if (t.Kind != kind) throw new FormatException($"'{kind}' expected at position {t.Position}, found '{t.Text}'");
            _at++;
            return t;
        }
    }

    private static JsonNode? Resolve(JsonNode? node, ReadOnlySpan<string> segments)
    {
        foreach (var segment in segments)
        {
            if (node is not JsonObject o || !o.TryGetPropertyValue(segment, out node)) return null;
        }
        return node;
    }

    private static bool Compare(JsonNode value, Token literal, string op)
    {
        int? order = null;
        if (value.GetValueKind() == JsonValueKind.String)
        {
            var s = value.GetValue<string>();
            if (literal.Kind == "string" && TryTime(s, out var a) && TryTime(literal.Text, out var b)) order = a.CompareTo(b);
            else if (literal.Kind == "string") order = string.CompareOrdinal(s, literal.Text);
            else if (decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)) order = n.CompareTo(decimal.Parse(literal.Text, CultureInfo.InvariantCulture));
        }
        else if (value.GetValueKind() == JsonValueKind.Number && literal.Kind == "number")
            order = value.GetValue<decimal>().CompareTo(decimal.Parse(literal.Text, CultureInfo.InvariantCulture));
        if (order is not { } c) return op == "ne";
        return op switch { "eq" => c == 0, "ne" => c != 0, "lt" => c < 0, "le" => c <= 0, "gt" => c > 0, _ => c >= 0 };
    }

    private static bool TryTime(string text, out DateTimeOffset time)
    {
        time = default;
        return text.Length >= 20 && text[4] == '-' && text[10] is 'T' or 't'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
    }
}
