using System.Text.Json;
using Json.Schema;

namespace Trace.Node.Standards.Pact;

/// <summary>The PACT v2 ProductFootprint JSON Schema (SINE Foundation, MIT; Schemas/README.md), embedded, and its evaluation.</summary>
public static class PactSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(Load);

    private static readonly EvaluationOptions HierarchicalOptions = new() { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true };

    /// <summary>Null when <paramref name="productFootprint"/> is a valid PACT v2 ProductFootprint, else the first failing member as a dotted path ("pcf.declaredUnit", "" for the root) and the reason.</summary>
    public static (string Path, string Reason)? FirstViolation(JsonElement productFootprint)
    {
        var results = Schema.Value.Evaluate(productFootprint, HierarchicalOptions);
        if (results.IsValid) return null;
        var found = Deepest(results);
        return found is { } f ? (DottedPath(f.Location), f.Reason) : ("", "does not match the PACT v2 ProductFootprint schema");
    }

    // Only failing nodes are followed: a branch that failed inside a passing anyOf is not the cause. Of the failing
    // leaves, the deepest instance location names the member best.
    private static (string Location, string Reason)? Deepest(EvaluationResults node)
    {
        (string Location, string Reason)? best = null;
        if (node.Errors is { Count: > 0 } errors)
        {
            var (keyword, message) = errors.First();
            best = (node.InstanceLocation.ToString(), $"{message} ({keyword})");
        }
        foreach (var child in node.Details ?? [])
        {
            if (child.IsValid) continue;
            if (Deepest(child) is { } inner && (best is null || inner.Location.Length > best.Value.Location.Length)) best = inner;
        }
        return best;
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
