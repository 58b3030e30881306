using System.Text.Json.Nodes;
using Trace.Domain;
using Trace.Tests.Support;

namespace Trace.Node.Tests.Lineage.Records;

/// <summary>The example records of LINEAGE.md / docs/lineage.md (tests/vectors/lineage), as editable JSON.</summary>
internal static class LineageExamples
{
    public static JsonObject Load(RecordKind kind) => (JsonObject)JsonNode.Parse(System.IO.File.ReadAllText(VectorFiles.Path($"lineage/{FileName(kind)}")))!;

    public static string SubjectOf(JsonObject record) =>
        (string)(record["batchId"] is { } b && record["recordType"]!.GetValue<string>() is "trace.batch/v1" or "trace.footprint-declaration/v1"
            ? b : record["transformationId"] ?? record["shipmentId"])!;

    public static string FileName(RecordKind kind) => kind switch
    {
        RecordKind.Batch => "batch.json",
        RecordKind.Transformation => "transformation.json",
        RecordKind.Shipment => "shipment.json",
        _ => "footprint-declaration.json",
    };

    /// <summary>Sets (or with null removes) the member at a path like "inputs[0].quantity.amount".</summary>
    public static JsonObject With(this JsonObject record, string path, JsonNode? value)
    {
        var parts = path.Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Split('.');
        JsonNode node = record;
        foreach (var part in parts[..^1]) node = int.TryParse(part, out var i) ? node[i]! : node[part]!;
        var last = parts[^1];
        if (node is JsonArray array) array[int.Parse(last, System.Globalization.CultureInfo.InvariantCulture)] = value;
        else if (value is null) ((JsonObject)node).Remove(last);
        else node[last] = value;
        return record;
    }
}
