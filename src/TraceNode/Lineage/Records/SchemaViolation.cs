using System.Text.Json.Nodes;

namespace Trace.Node.Lineage.Records;

/// <summary>
/// The first place a record fails its schema: the instance location (JSON pointer), the failing keyword, and the location
/// of the (sub)schema that holds the keyword (e.g. "#/$defs/positiveDecimal").
/// </summary>
public sealed record SchemaViolation(string InstancePointer, string Keyword, string LibraryMessage, string SchemaFragment, JsonNode SchemaDocument)
{
    /// <summary>The failing keyword's value in the schema (the enum list, the pattern, the required names…), or null.</summary>
    /// <remarks>
    /// The schema location names the subschema that holds the keyword, but not always exactly (inside "items" the library
    /// may append the instance's member name), so the nearest enclosing subschema that has the keyword is taken.
    /// </remarks>
    public JsonNode? KeywordNode()
    {
        var fragment = SchemaFragment.TrimStart('#');
        while (true)
        {
            if (Resolve(fragment) is JsonObject subschema && subschema[Keyword] is { } node) return node;
            var slash = fragment.LastIndexOf('/');
            if (slash < 0) return null;
            fragment = fragment[..slash];
        }
    }

    /// <summary>The subschema at <see cref="SchemaFragment"/>, or null.</summary>
    public JsonNode? SubschemaNode() => Resolve(SchemaFragment.TrimStart('#'));

    private JsonNode? Resolve(string fragment)
    {
        var pointer = Uri.UnescapeDataString(fragment);
        JsonNode? node = SchemaDocument;
        foreach (var raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                JsonObject obj => obj[segment],
                JsonArray array when int.TryParse(segment, out var i) && i < array.Count => array[i],
                _ => null,
            };
            if (node is null) return null;
        }
        return node;
    }

    /// <summary>The name of the $defs entry the failing keyword belongs to (e.g. "positiveDecimal"), or null.</summary>
    public string? DefinitionName()
    {
        var pointer = SchemaFragment.TrimStart('#');
        const string defs = "/$defs/";
        var start = pointer.LastIndexOf(defs, StringComparison.Ordinal);
        if (start < 0) return null;
        var rest = pointer[(start + defs.Length)..];
        // only when the keyword sits directly on the definition, not inside one of its properties
        return rest.Contains('/') ? null : rest;
    }
}
