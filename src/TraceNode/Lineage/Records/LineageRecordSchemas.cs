using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Trace.Domain;

namespace Trace.Node.Lineage.Records;

/// <summary>
/// The published record schemas (docs/schemas/*.schema.json, JSON Schema draft 2020-12), embedded at build time, and their
/// evaluation. Built once per process: they never change while it runs.
/// </summary>
public static class LineageRecordSchemas
{
    private static readonly RecordKind[] Kinds = [RecordKind.Batch, RecordKind.Transformation, RecordKind.Shipment, RecordKind.ProductCarbonFootprint];

    private static readonly Lazy<FrozenDictionary<RecordKind, (JsonSchema Schema, JsonNode Document)>> Schemas = new(Load);

    // Valid records (the common case) are checked with the "flag" output, which stops at the first failure and collects
    // nothing; only a refused record is evaluated again with the "list" output to find where it fails.
    private static readonly EvaluationOptions FlagOptions = new()
    {
        OutputFormat = OutputFormat.Flag,
        RequireFormatValidation = true, // "date-time" is an assertion here, not an annotation
    };

    private static readonly EvaluationOptions ListOptions = new()
    {
        OutputFormat = OutputFormat.List,
        RequireFormatValidation = true,
    };

    /// <summary>The schema text of a kind, exactly as published under docs/schemas.</summary>
    public static string Text(RecordKind kind)
    {
        using var stream = typeof(LineageRecordSchemas).Assembly.GetManifestResourceStream($"Trace.Node.Lineage.Records.Schemas.{LineageRecordKinds.SchemaFile(kind)}")
            ?? throw new InvalidOperationException($"schema {LineageRecordKinds.SchemaFile(kind)} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Evaluates <paramref name="record"/> against its kind's schema; null when valid, else the first violation.</summary>
    public static SchemaViolation? FirstViolation(RecordKind kind, JsonElement record)
    {
        var (schema, document) = Schemas.Value[kind];
        if (schema.Evaluate(record, FlagOptions).IsValid) return null;
        var results = schema.Evaluate(record, ListOptions);
        if (results.IsValid) return null;
        foreach (var detail in results.Details ?? [])
        {
            if (detail.Errors is not { Count: > 0 } errors) continue;
            var (keyword, message) = errors.First();
            return new SchemaViolation(
                detail.InstanceLocation.ToString(),
                keyword,
                message,
                detail.SchemaLocation.Fragment,
                document);
        }
        return new SchemaViolation("", "", "does not match the schema", "", document);
    }

    private static FrozenDictionary<RecordKind, (JsonSchema, JsonNode)> Load()
    {
        var registry = new SchemaRegistry();
        var build = new BuildOptions { SchemaRegistry = registry };
        return Kinds.ToFrozenDictionary(kind => kind, kind =>
        {
            var text = Text(kind);
            return (JsonSchema.FromText(text, build), JsonNode.Parse(text)!);
        });
    }
}
