using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Trace.Client.Canonical;
using Trace.Domain.Lineage;

namespace Trace.Node.Carbon.Factors;

/// <summary>
/// Reads and writes transport factor sets (docs/schemas/transport-factor-set.schema.json): the shipped file, an
/// operator's file, and the body of the <c>trace.transport-factor-set/v1</c> record a set is anchored as.
/// </summary>
public static partial class TransportFactorSetJson
{
    /// <summary>The recordType of an anchored factor set.</summary>
    public const string RecordType = "trace.transport-factor-set/v1";

    /// <summary>Longest version label.</summary>
    public const int MaxVersionLength = 64;

    private const int MaxTextLength = 1024;
    private static readonly HashSet<string> TopLevelMembers = ["$schema", "recordType", "version", "description", "rows"];
    private static readonly HashSet<string> RowMembers = ["mode", "kgCO2ePerTonneKm", "source", "table", "year", "assumption", "note"];

    /// <summary>Parses and validates a factor set; <paramref name="source"/> names it in errors (a file path, "shipped set").</summary>
    /// <exception cref="TransportFactorSetException">the set is malformed; the message names the row and member.</exception>
    public static TransportFactorSet Read(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException ex)
        {
            throw new TransportFactorSetException(source, "$", $"not valid JSON (line {ex.LineNumber + 1}): {ex.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new TransportFactorSetException(source, "$", "must be a JSON object");
            CheckMembers(root, TopLevelMembers, source, "");
            if (root.TryGetProperty("recordType", out var recordType) && !(recordType.ValueKind == JsonValueKind.String && recordType.GetString() == RecordType))
                throw new TransportFactorSetException(source, "recordType", $"must be \"{RecordType}\"");
            var version = RequiredString(root, "version", source, "version");
            if (!VersionPattern().IsMatch(version))
                throw new TransportFactorSetException(source, "version", $"'{Truncate(version)}' must be 1-{MaxVersionLength} characters of letters, digits, '.', '_' or '-', starting with a letter or digit");
            if (!root.TryGetProperty("rows", out var rows) || rows.ValueKind != JsonValueKind.Array)
                throw new TransportFactorSetException(source, "rows", "must be an array with one row per transport mode");

            var parsed = new List<TransportFactor>();
            var index = 0;
            foreach (var row in rows.EnumerateArray())
            {
                var factor = ReadRow(row, source, index);
                if (parsed.Any(p => p.Mode == factor.Mode))
                    throw new TransportFactorSetException(source, RowPath(index, row), $"a second row for mode {TransportModeNames.ToName(factor.Mode)}");
                parsed.Add(factor);
                index++;
            }
            var missing = TransportModeNames.All.Where(m => parsed.All(p => p.Mode != m)).Select(TransportModeNames.ToName).ToList();
            if (missing.Count > 0)
                throw new TransportFactorSetException(source, "rows", $"no row for {string.Join(", ", missing)}: a set gives every mode (road, rail, sea, inland_waterway, air)");
            return new TransportFactorSet(version, null, [.. parsed.OrderBy(p => p.Mode)]);
        }
    }

    /// <summary>
    /// The set as the body of its record (recordType, version, rows in mode order; no salt, no record id), in RFC 8785
    /// canonical form: two sets with the same figures and sources have the same body.
    /// </summary>
    public static string WriteBody(TransportFactorSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("recordType", RecordType);
            writer.WriteString("version", set.Version);
            writer.WriteStartArray("rows");
            foreach (var row in set.Rows.OrderBy(r => r.Mode))
            {
                writer.WriteStartObject();
                writer.WriteString("mode", TransportModeNames.ToName(row.Mode));
                writer.WriteString("kgCO2ePerTonneKm", row.KgCo2ePerTonneKm.ToString(CultureInfo.InvariantCulture));
                writer.WriteString("source", row.Source);
                if (row.Table is not null) writer.WriteString("table", row.Table);
                if (row.Year is { } year) writer.WriteNumber("year", year);
                if (row.IsAssumption) writer.WriteBoolean("assumption", true);
                if (row.Note is not null) writer.WriteString("note", row.Note);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(buffer.ToArray()));
    }

    private static TransportFactor ReadRow(JsonElement row, string source, int index)
    {
        var at = $"rows[{index}]";
        if (row.ValueKind != JsonValueKind.Object) throw new TransportFactorSetException(source, at, "must be an object");
        at = RowPath(index, row);
        CheckMembers(row, RowMembers, source, at + ".");
        var modeName = RequiredString(row, "mode", source, at + ".mode");
        if (!TransportModeNames.TryParse(modeName, out var mode))
            throw new TransportFactorSetException(source, at + ".mode", $"'{Truncate(modeName)}' is not one of road, rail, sea, inland_waterway, air");
        var intensityText = RequiredString(row, "kgCO2ePerTonneKm", source, at + ".kgCO2ePerTonneKm");
        if (!DecimalPattern().IsMatch(intensityText)
            || !decimal.TryParse(intensityText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var intensity)
            || SignificantDigits(intensityText) > 28)
            throw new TransportFactorSetException(source, at + ".kgCO2ePerTonneKm", $"'{Truncate(intensityText)}' is not a non-negative decimal string (e.g. \"0.031\", at most 28 significant digits)");
        var sourceText = RequiredString(row, "source", source, at + ".source");
        var table = OptionalString(row, "table", source, at + ".table");
        int? year = null;
        if (row.TryGetProperty("year", out var yearElement))
        {
            if (yearElement.ValueKind != JsonValueKind.Number || !yearElement.TryGetInt32(out var y) || y is < 1900 or > 2100)
                throw new TransportFactorSetException(source, at + ".year", "must be a whole year between 1900 and 2100");
            year = y;
        }
        var assumption = false;
        if (row.TryGetProperty("assumption", out var assumptionElement))
        {
            if (assumptionElement.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                throw new TransportFactorSetException(source, at + ".assumption", "must be true or false");
            assumption = assumptionElement.GetBoolean();
        }
        var note = OptionalString(row, "note", source, at + ".note");
        // A row either cites a publication precisely enough to look the figure up, or says it is an assumption and why.
        if (assumption && note is null)
            throw new TransportFactorSetException(source, at + ".note", "an assumption needs a note saying what it approximates and why no published figure is cited");
        if (!assumption && (table is null || year is null))
            throw new TransportFactorSetException(source, at + (table is null ? ".table" : ".year"),
                "a cited figure names its table and year; mark the row \"assumption\": true with a note when it cannot be cited");
        return new TransportFactor(mode, intensity, sourceText, table, year, assumption, note);
    }

    private static string RowPath(int index, JsonElement row) =>
        row.ValueKind == JsonValueKind.Object && row.TryGetProperty("mode", out var mode) && mode.ValueKind == JsonValueKind.String
            ? $"rows[{index}] ({Truncate(mode.GetString() ?? "")})"
            : $"rows[{index}]";

    private static void CheckMembers(JsonElement element, HashSet<string> allowed, string source, string prefix)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name)) throw new TransportFactorSetException(source, prefix + property.Name, "unknown member");
            if (!seen.Add(property.Name)) throw new TransportFactorSetException(source, prefix + property.Name, "appears twice");
        }
    }

    private static string RequiredString(JsonElement element, string name, string source, string path) =>
        OptionalString(element, name, source, path) ?? throw new TransportFactorSetException(source, path, "is missing");

    private static string? OptionalString(JsonElement element, string name, string source, string path)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw new TransportFactorSetException(source, path, "must be a string");
        var text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text)) throw new TransportFactorSetException(source, path, "must not be empty");
        if (text.Length > MaxTextLength) throw new TransportFactorSetException(source, path, $"longer than {MaxTextLength} characters");
        return text;
    }

    private static int SignificantDigits(string text) => text.Replace(".", "", StringComparison.Ordinal).TrimStart('0').Length;

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex(@"^(0|[1-9][0-9]*)(\.[0-9]+)?$")]
    private static partial Regex DecimalPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex VersionPattern();
}
