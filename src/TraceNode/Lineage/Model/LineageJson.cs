using System.Text.Json;
using System.Text.Json.Serialization;

namespace Trace.Node.Lineage.Model;

/// <summary>JSON options for the lineage's stored JSON columns (legs, components, marks): enums as names, decimals exact.</summary>
public static class LineageJson
{
    /// <summary>The options.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
