using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Trace.Domain;

namespace Trace.Client.Standards.Pact;

/// <summary>Reads members of one JSON object of a PACT document, checking each, and names a bad one by its path.</summary>
internal sealed partial class PactReader(JsonObject node, string at)
{
    private const int MaxSignificantDigits = 28;

    public string PathOf(string name) => at.Length == 0 ? name : at + "." + name;

    public InvalidFieldException Fail(string name, string message) => new(PathOf(name), message);

    public JsonNode? Node(string name) => node.TryGetPropertyValue(name, out var v) && v is not null ? v : null;

    public PactReader Object(string name) =>
        new(Node(name) as JsonObject ?? throw Fail(name, Node(name) is null ? "is required" : "must be an object"), PathOf(name));

    public T Require<T>(string name) => Optional<T>(name) ?? throw Fail(name, "is required");

    public T? Optional<T>(string name)
    {
        var value = Node(name);
        if (value is null) return default;
        try { return value.GetValue<T>(); }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            throw Fail(name, $"must be a {(typeof(T) == typeof(string) ? "string" : typeof(T).Name.ToLowerInvariant())}");
        }
    }

    public bool Bool(string name, bool required)
    {
        var value = Node(name);
        if (value is null) return required ? throw Fail(name, "is required (true or false)") : false;
        return value.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Fail(name, "must be true or false"),
        };
    }

    /// <summary>An RFC 3339 date-time with a four-digit year, two-digit month and day, and an offset.</summary>
    public DateTimeOffset? Time(string name, bool required)
    {
        var text = Optional<string>(name);
        if (text is null) return required ? throw Fail(name, "is required (RFC 3339 date-time)") : null;
        if (!Rfc3339().IsMatch(text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            throw Fail(name, $"\"{text}\" is not an RFC 3339 date-time (e.g. 2024-01-01T00:00:00Z)");
        return time;
    }

    public void Urns(string name)
    {
        if (Node(name) is not JsonArray list || list.Count == 0) throw Fail(name, "is required: a non-empty list of URNs");
        for (var i = 0; i < list.Count; i++)
            if (list[i]?.GetValueKind() != JsonValueKind.String || !list[i]!.GetValue<string>().StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
                throw Fail($"{name}[{i}]", "is not a URN (urn:...)");
    }

    /// <summary>A PACT decimal string (optionally signed) within the given bounds, returned in Trace's plain form.</summary>
    public JsonNode? Decimal(string name, bool required, decimal? min = null, bool strictMin = false, decimal? max = null)
    {
        var value = Node(name);
        if (value is null) return required ? throw Fail(name, "is required (a decimal written as a JSON string)") : null;
        if (value.GetValueKind() != JsonValueKind.String) throw Fail(name, "must be a decimal written as a JSON string (PACT), e.g. \"0.5\"");
        var text = value.GetValue<string>();
        var parsed = Parse(name, text);
        if (min is { } lo && (strictMin ? parsed <= lo : parsed < lo)) throw Fail(name, $"{text} must be {(strictMin ? ">" : ">=")} {PactDecimals.Format(lo)}");
        if (max is { } hi && parsed > hi) throw Fail(name, $"{text} must be <= {PactDecimals.Format(hi)}");
        return JsonValue.Create(PactDecimals.Format(parsed));
    }

    /// <summary>A percentage 0..max: a JSON number in v2, a decimal string in v3; returned as a decimal string.</summary>
    public JsonNode? Percent(string name, decimal max, bool required = false, bool asString = false)
    {
        var value = Node(name);
        if (value is null) return required ? throw Fail(name, "is required") : null;
        var number = Number(name, value, asString);
        if (number < 0m || number > max) throw Fail(name, $"{PactDecimals.Format(number)} is not a percentage between 0 and {PactDecimals.Format(max)}");
        return JsonValue.Create(PactDecimals.Format(number));
    }

    /// <summary>A data quality rating between 1 and <paramref name="worst"/> (3 in PACT v2, 5 in v3).</summary>
    public void Rating(string name, bool asString, decimal worst)
    {
        var value = Node(name);
        if (value is null) return;
        var number = Number(name, value, asString);
        if (number < 1m || number > worst) throw Fail(name, $"{PactDecimals.Format(number)} is not a data quality rating between 1 and {PactDecimals.Format(worst)}");
    }

    public (string Start, string End) Period()
    {
        var start = Time("referencePeriodStart", required: true)!.Value;
        var end = Time("referencePeriodEnd", required: true)!.Value;
        if (end <= start) throw Fail("referencePeriodEnd", "is not after referencePeriodStart (the end is exclusive)");
        return (Node("referencePeriodStart")!.GetValue<string>(), Node("referencePeriodEnd")!.GetValue<string>());
    }

    /// <summary>Per-declared-unit consistency: a footprint per kilogram is per 1 kg of product.</summary>
    public void MassPerDeclaredUnit(string declaredUnit)
    {
        if (Node("productMassPerDeclaredUnit") is null) return;
        var mass = Parse("productMassPerDeclaredUnit", Require<string>("productMassPerDeclaredUnit"));
        if (declaredUnit == "kilogram" && mass != 1m)
            throw Fail("productMassPerDeclaredUnit", $"is {PactDecimals.Format(mass)} kg, but the declared unit is kilogram (1 kg by definition)");
    }

    private decimal Number(string name, JsonNode value, bool asString)
    {
        if (asString)
        {
            if (value.GetValueKind() != JsonValueKind.String) throw Fail(name, "must be a decimal written as a JSON string (PACT v3)");
            return Parse(name, value.GetValue<string>());
        }
        if (value.GetValueKind() != JsonValueKind.Number) throw Fail(name, "must be a JSON number (PACT v2)");
        try { return value.GetValue<decimal>(); }
        catch (Exception ex) when (ex is FormatException or OverflowException or InvalidOperationException) { throw Fail(name, "is not a number Trace can hold as a decimal"); }
    }

    private decimal Parse(string name, string text)
    {
        if (!PactDecimals.TryParse(text, out var parsed)) throw Fail(name, $"\"{text}\" is not a decimal (digits with an optional sign and fraction, no exponent)");
        var digits = text.TrimStart('-').Replace(".", "", StringComparison.Ordinal).TrimStart('0').Length;
        if (digits > MaxSignificantDigits) throw Fail(name, $"\"{text}\" has more than {MaxSignificantDigits} significant digits");
        return parsed;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}
