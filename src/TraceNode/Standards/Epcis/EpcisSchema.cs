using System.Text.Json;
using Json.Schema;
using Microsoft.Extensions.Options;

namespace Trace.Node.Standards.Epcis;

/// <summary>
/// The GS1 EPCIS 2.0 JSON Schema (draft-07) read once from <see cref="EpcisOptions.SchemaPath"/>, and the evaluation of a
/// document against it: valid, or the deepest failing member with the index of the event it lies in.
/// </summary>
public sealed class EpcisSchema
{
    private static readonly EvaluationOptions FlagOptions = new() { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true };
    private static readonly EvaluationOptions TreeOptions = new() { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true };

    private readonly Lazy<JsonSchema?> _schema;

    public EpcisSchema(IOptions<EpcisOptions> options)
    {
        var path = options.Value.SchemaPath;
        _schema = new Lazy<JsonSchema?>(() => string.IsNullOrEmpty(path) || !File.Exists(path)
            ? null
            : JsonSchema.FromText(File.ReadAllText(path), new BuildOptions { SchemaRegistry = new SchemaRegistry() }));
        ConfiguredPath = path;
    }

    /// <summary>The configured schema path (null when not set).</summary>
    public string? ConfiguredPath { get; }

    /// <summary>True when the schema file is configured and exists.</summary>
    public bool IsAvailable => _schema.Value is not null;

    /// <summary>Evaluates <paramref name="document"/>; null when valid.</summary>
    /// <exception cref="InvalidOperationException">no schema is configured (check <see cref="IsAvailable"/> first).</exception>
    public EpcisSchemaViolation? FirstViolation(JsonElement document)
    {
        var schema = _schema.Value ?? throw new InvalidOperationException("no EPCIS schema configured (Trace:Epcis:SchemaPath)");
        if (schema.Evaluate(document, FlagOptions).IsValid) return null;
        var results = schema.Evaluate(document, TreeOptions);
        if (results.IsValid) return null;
        // Walk only through failing nodes: a failing branch of an anyOf/oneOf that passed as a whole sits under a valid
        // node and is never reached, so the deepest failure found is where the document really breaks.
        EpcisSchemaViolation? deepest = null;
        var depth = -1;
        var pending = new Stack<EvaluationResults>();
        pending.Push(results);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node.Details is { } children)
                foreach (var child in children)
                    if (!child.IsValid) pending.Push(child);
            if (node.Errors is not { Count: > 0 } errors) continue;
            var segments = node.InstanceLocation.ToString().Split('/', StringSplitOptions.RemoveEmptyEntries)
                .Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
            if (segments.Length <= depth) continue;
            var (keyword, message) = errors.First();
            depth = segments.Length;
            deepest = new EpcisSchemaViolation(EventIndex(segments), Path(segments), keyword, message);
        }
        return deepest ?? new EpcisSchemaViolation(null, "", "", "does not match the EPCIS JSON Schema");
    }

    /// <summary>Members joined by '.', array indexes in brackets: epcisBody.eventList[1].quantityList[0].quantity.</summary>
    private static string Path(string[] segments)
    {
        var path = new System.Text.StringBuilder();
        foreach (var segment in segments)
        {
            if (segment.Length > 0 && segment.All(char.IsAsciiDigit)) path.Append('[').Append(segment).Append(']');
            else { if (path.Length > 0) path.Append('.'); path.Append(segment); }
        }
        return path.ToString();
    }

    private static int? EventIndex(string[] segments)
    {
        for (var i = 0; i + 1 < segments.Length; i++)
            if (segments[i] == "eventList" && int.TryParse(segments[i + 1], out var index)) return index;
        return null;
    }
}
