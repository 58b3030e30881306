using System.Text.Json;
using Trace.Client.Standards.Epcis;
using Trace.Domain;

namespace Trace.Node.Standards.Epcis;

/// <summary>
/// The node's EPCIS import: parses a document, checks it against the EPCIS JSON Schema and converts it with the client
/// library's <see cref="EpcisConverter"/> into unsigned lineage records. Writes nothing.
/// </summary>
public sealed class EpcisImporter(EpcisSchema schema)
{
    /// <summary>Largest document accepted, in characters (the gRPC message limit applies first).</summary>
    public const int MaxDocumentLength = 16 * 1024 * 1024;

    /// <summary>True when the EPCIS schema is configured (otherwise every import is refused as a failed precondition).</summary>
    public bool IsAvailable => schema.IsAvailable;

    /// <summary>Validates and converts <paramref name="documentJson"/>.</summary>
    /// <exception cref="InvalidFieldException">not JSON, not valid EPCIS (naming the event and path), or a malformed option.</exception>
    public EpcisConversion Convert(string documentJson, EpcisConversionOptions options, string field = "document_json")
    {
        if (string.IsNullOrWhiteSpace(documentJson)) throw new InvalidFieldException(field, "is required (an EPCIS 2.0 JSON / JSON-LD document)");
        if (documentJson.Length > MaxDocumentLength) throw new InvalidFieldException(field, $"longer than {MaxDocumentLength} characters");
        JsonDocument parsed;
        try { parsed = JsonDocument.Parse(documentJson); }
        catch (JsonException ex) { throw new InvalidFieldException(field, $"not JSON: {ex.Message}"); }
        using (parsed)
        {
            if (schema.FirstViolation(parsed.RootElement) is { } violation)
            {
                var path = violation.Path.Length == 0 ? field : $"{field}.{violation.Path}";
                var where = violation.EventIndex is { } index ? $"event {index}: " : "";
                throw new InvalidFieldException(path, $"{where}not valid against the EPCIS 2.0 JSON Schema ({violation.Keyword}): {violation.Message}");
            }
            try
            {
                return EpcisConverter.Convert(parsed.RootElement, options);
            }
            catch (EpcisConversionException ex)
            {
                var path = ex.Path.StartsWith("epcisBody", StringComparison.Ordinal) || ex.Path.Length == 0 ? $"{field}{(ex.Path.Length == 0 ? "" : ".")}{ex.Path}" : ex.Path;
                throw new InvalidFieldException(path, ex.Reason);
            }
        }
    }
}
