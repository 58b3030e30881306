using System.Text.Json;
using Trace.Domain;
using Trace.Domain.Lineage;

namespace Trace.Node.Lineage.Records;

/// <summary>
/// Reads a structured lineage record at intake: checks it against its kind's published schema (docs/schemas), then on its
/// own (check digits, identifiers, units, amounts, periods, allocation, addresses, subject id), and returns the domain
/// record. Every refusal is an <see cref="InvalidFieldException"/> naming "record_json.&lt;path&gt;" (or "subject_id") and the
/// record kind. Checks that need other records (known batches, mass balance, cycles) are the lineage engine's.
/// </summary>
public sealed class LineageRecordReader
{
    /// <summary>Reads <paramref name="record"/> (the parsed record_json) submitted as <paramref name="kind"/> with <paramref name="subjectId"/>.</summary>
    /// <exception cref="InvalidFieldException">the record does not match its schema or fails a single-record check.</exception>
    public LineageRecord Read(RecordKind kind, JsonElement record, string subjectId)
    {
        if (!LineageRecordKinds.IsStructuredLineage(kind))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a structured lineage kind");
        if (LineageRecordSchemas.FirstViolation(kind, record) is { } violation)
            throw SchemaViolationMessages.ToException(kind, violation, record);
        LineageRecord parsed = kind switch
        {
            RecordKind.Batch => BatchRecordParser.Parse(record),
            RecordKind.Transformation => TransformationRecordParser.Parse(record),
            RecordKind.Shipment => ShipmentRecordParser.Parse(record),
            _ => FootprintDeclarationParser.Parse(record),
        };
        if (!string.Equals(parsed.Identifier, subjectId, StringComparison.Ordinal))
            throw new InvalidFieldException("subject_id",
                $"{LineageRecordKinds.Label(kind)}: subject_id \"{subjectId}\" must equal the record's {IdentifierMember(kind)} \"{parsed.Identifier}\"");
        return parsed;
    }

    /// <summary>Reads a record given as JSON text; see <see cref="Read(RecordKind, JsonElement, string)"/>.</summary>
    public LineageRecord Read(RecordKind kind, string recordJson, string subjectId)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(recordJson);
        }
        catch (JsonException ex)
        {
            throw new InvalidFieldException(RecordFieldPath.Root, $"not valid JSON: {ex.Message}");
        }
        using (document) return Read(kind, document.RootElement, subjectId);
    }

    private static string IdentifierMember(RecordKind kind) => kind switch
    {
        RecordKind.Transformation => "transformationId",
        RecordKind.Shipment => "shipmentId",
        _ => "batchId",
    };
}
