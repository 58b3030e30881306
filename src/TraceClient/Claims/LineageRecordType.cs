using System.Text.Json;
using Trace.Protos.V1;

namespace Trace.Client.Claims;

/// <summary>
/// The four structured lineage record kinds (docs/lineage.md): from a record's <c>recordType</c>, its claim kind and
/// the member whose value must be the claim's subject_id, so a caller can submit a record file without naming either.
/// </summary>
public static class LineageRecordType
{
    /// <summary>recordType → (claim kind, identifier member).</summary>
    public static IReadOnlyDictionary<string, (RecordKind Kind, string IdMember)> Known { get; } = new Dictionary<string, (RecordKind, string)>
    {
        ["trace.batch/v1"] = (RecordKind.Batch, "batchId"),
        ["trace.transformation/v1"] = (RecordKind.Transformation, "transformationId"),
        ["trace.shipment/v1"] = (RecordKind.Shipment, "shipmentId"),
        ["trace.footprint-declaration/v1"] = (RecordKind.ProductCarbonFootprint, "batchId"),
    };

    /// <summary>The record's recordType, claim kind and subject id (the value of its identifier member).</summary>
    /// <exception cref="ArgumentException">not a JSON object, no known recordType, or the identifier member missing.</exception>
    public static (string RecordType, RecordKind Kind, string SubjectId) Describe(string bodyJson)
    {
        ArgumentNullException.ThrowIfNull(bodyJson);
        try
        {
            using var document = JsonDocument.Parse(bodyJson);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new ArgumentException("a lineage record is a JSON object", nameof(bodyJson));
            var type = root.TryGetProperty("recordType", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
            if (!Known.TryGetValue(type, out var known))
                throw new ArgumentException($"recordType: '{type}' is none of {string.Join(", ", Known.Keys)}", nameof(bodyJson));
            if (!root.TryGetProperty(known.IdMember, out var id) || id.ValueKind != JsonValueKind.String || id.GetString() is not { Length: > 0 } subject)
                throw new ArgumentException($"{known.IdMember}: a {type} record names its identifier here", nameof(bodyJson));
            return (type, known.Kind, subject);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"not JSON: {ex.Message}", nameof(bodyJson), ex);
        }
    }
}
