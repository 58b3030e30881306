using System.Text.Json;
using Json.Schema;

namespace Trace.Node.Standards.Pact;

/// <summary>The PACT v2 ProductFootprint JSON Schema (SINE Foundation, MIT; Schemas/README.md), embedded, and its evaluation.</summary>
public static class PactSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(Load);

    private static readonly EvaluationOptions ListOptions = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <summary>Null when <paramref name="productFootprint"/> is a valid PACT v2 ProductFootprint, else the first failing member as a dotted path ("pcf.declaredUnit", "" for the root) and the reason.</summary>
    public static (string Path, string Reason)? FirstViolation(JsonElement productFootprint)
    {
        var results = Schema.Value.Evaluate(productFootprint, ListOptions);
        if (results.IsValid) return null;
        (string, string)? first = null;
        foreach (var detail in results.Details ?? [])
        {
            if (detail.Errors is not { Count: > 0 } errors) continue;
            var path = DottedPath(detail.InstanceLocation.ToString());
            var (keyword, message) = errors.First();
            // The deepest location names the member best (an anyOf at the parent only says "no branch matched").
            if (first is null || path.Length > first.Value.Item1.Length) first = (path, $"{message} ({keyword})");
        }
        return first ?? ("", "does not match the PACT v2 ProductFootprint schema");
    }

    private static string DottedPath(string pointer)
    {
        var path = "";
        foreach (var raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            path = int.TryParse(segment, out _) ? $"{path}[{segment}]" : path.Length == 0 ? segment : path + "." + segment;
        }
        return path;
    }

    private static JsonSchema Load()
    {
        using var stream = typeof(PactSchema).Assembly.GetManifestResourceStream("Trace.Node.Standards.Pact.Schemas.pact-v2-ProductFootprint.schema.json")
            ?? throw new InvalidOperationException("the PACT v2 schema is not embedded");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromText(reader.ReadToEnd(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }
}
