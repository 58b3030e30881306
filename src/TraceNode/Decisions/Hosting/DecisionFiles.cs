using System.Text.Json;
using Trace.Domain;
using Trace.Domain.Lineage;
using Trace.Node.Decisions.Cbam;
using Trace.Node.Decisions.Lanes;

namespace Trace.Node.Decisions.Hosting;

/// <summary>
/// Reads the operator's files (docs/decisions.md): a lane catalogue <c>{"lanes": [...]}</c> and a default-value table
/// <c>{"defaultValues": [...]}</c>, members in lowerCamelCase, every figure a decimal string.
/// </summary>
public static class DecisionFiles
{
    /// <summary>The lanes of <paramref name="path"/>, owned by the operator.</summary>
    /// <exception cref="DecisionFileException">the file cannot be read or a lane breaks a rule (names the lane and member).</exception>
    public static IReadOnlyList<Lane> ReadLanes(string path, DateTimeOffset now)
    {
        var (full, root) = Open(path, "lanes");
        var lanes = new List<Lane>();
        var index = 0;
        foreach (var e in root.EnumerateArray())
        {
            var at = $"lanes[{index++}]";
            StringsOnly(full, at, e);
            try
            {
                TransportMode? mode = TransportModeNames.TryParse(Text(e, "mode"), out var m) ? m : null;
                lanes.Add(LaneRules.Build(at, Text(e, "laneId"), mode, Text(e, "origin"), Text(e, "destination"), Text(e, "distanceKm"), Text(e, "transitDays"),
                    Text(e, "handlingDays"), Text(e, "measuredKgCo2ePerTonneKm"), Text(e, "intensitySource"), Lane.OperatorOwner, now, Camel));
            }
            catch (InvalidFieldException ex)
            {
                throw new DecisionFileException(full, ex.Message);
            }
        }
        var duplicate = lanes.GroupBy(l => l.LaneId).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new DecisionFileException(full, $"lane id \"{duplicate.Key}\" is given twice");
        return lanes;
    }

    /// <summary>The default values of <paramref name="path"/>.</summary>
    /// <exception cref="DecisionFileException">the file cannot be read or a row breaks a rule.</exception>
    public static IReadOnlyList<CbamDefaultValue> ReadDefaultValues(string path, DateTimeOffset now)
    {
        var (full, root) = Open(path, "defaultValues");
        var rows = new List<CbamDefaultValue>();
        var index = 0;
        foreach (var e in root.EnumerateArray())
        {
            var at = $"defaultValues[{index++}]";
            StringsOnly(full, at, e);
            try
            {
                var priced = Text(e, "pricedEmissions");
                if (priced is not ("direct" or "direct_and_indirect"))
                    throw new InvalidFieldException(at + ".pricedEmissions", "must be \"direct\" or \"direct_and_indirect\"");
                rows.Add(CbamDefaultValueRules.Build(at, Text(e, "cnCode"), Text(e, "directTCo2ePerTonne"), Text(e, "indirectTCo2ePerTonne"),
                    priced == "direct_and_indirect", Text(e, "source"), now, Camel));
            }
            catch (InvalidFieldException ex)
            {
                throw new DecisionFileException(full, ex.Message);
            }
        }
        var duplicate = rows.GroupBy(r => r.CnCode).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new DecisionFileException(full, $"CN code {duplicate.Key} is given twice");
        return rows;
    }

    /// <summary>Proto field name → the file's member name ("lane_id" → ".laneId").</summary>
    private static string Camel(string snake)
    {
        var parts = snake.Split('_');
        return "." + parts[0] + string.Concat(parts.Skip(1).Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private static (string Full, JsonElement Array) Open(string path, string member)
    {
        var full = Path.GetFullPath(path);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(full));
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty(member, out var array) || array.ValueKind != JsonValueKind.Array)
                throw new DecisionFileException(full, $"must be a JSON object with a \"{member}\" array");
            return (full, array.Clone());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new DecisionFileException(full, $"cannot be read: {ex.Message}");
        }
    }

    /// <summary>Every member a JSON string: a figure written as a JSON number would be a binary float to most JSON readers.</summary>
    private static void StringsOnly(string file, string at, JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new DecisionFileException(file, $"{at}: must be a JSON object");
        foreach (var member in e.EnumerateObject())
            if (member.Value.ValueKind != JsonValueKind.String)
                throw new DecisionFileException(file, $"{at}.{member.Name}: must be a JSON string (\"9500\", not 9500): figures are decimal strings");
    }

    private static string? Text(JsonElement e, string member) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(member, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText() : null;
}
