using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Trace.Domain.Assurance;

namespace Trace.Node.Assurance;

/// <summary>Writes audit-trail events as CSV (RFC 4180 by CsvHelper, header row, CRLF) or as a JSON document.</summary>
public static class AuditTrailExport
{
    /// <summary>The JSON document's format tag.</summary>
    public const string JsonFormat = "trace.audit-trail/v1";

    /// <summary>The CSV columns, in order (the members of <see cref="AuditTrailRow"/>, camelCase).</summary>
    public static IReadOnlyList<string> CsvColumns { get; } =
    [
        "kind", "at", "blockNumber", "blockHash", "txHash", "logIndex", "contract", "actor", "actorParticipantId", "participantId",
        "recordId", "subjectId", "merkleRoot", "code", "related", "detailJson",
    ];

    /// <summary>JSON member naming and layout of the export (camelCase, indented).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes the events to <paramref name="output"/> as CSV; returns how many.</summary>
    public static async Task<long> WriteCsvAsync(IAsyncEnumerable<RegistryEvent> events, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(events);
        long count = 0;
        // RFC 4180, UTF-8 without BOM, CRLF; a field starting with = + - @ is kept as is (CsvInjection.None): hashes and
        // ids never start so, and an auditor's tools must see the chain's values unaltered.
        await using var csv = CsvWriter.Create(output, null, leaveOpen: true);
        csv.WriteHeader([.. CsvColumns]);
        await foreach (var e in events.WithCancellation(ct).ConfigureAwait(false))
        {
            var r = AuditTrailRow.From(e);
            await csv.WriteRecordAsync([r.Kind, r.At, Number(r.BlockNumber), r.BlockHash, r.TxHash, Number(r.LogIndex), r.Contract, r.Actor, r.ActorParticipantId,
                r.ParticipantId, r.RecordId, r.SubjectId, r.MerkleRoot, Number(r.Code), r.Related, r.DetailJson], ct).ConfigureAwait(false);
            count++;
        }
        await csv.FlushAsync(ct).ConfigureAwait(false);
        return count;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes the events to <paramref name="output"/> as the JSON document; returns how many.</summary>
    public static async Task<long> WriteJsonAsync(IAsyncEnumerable<RegistryEvent> events, AuditTrailQuery query, DateTimeOffset generatedAt, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(query);
        long count = 0;
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("format", JsonFormat);
        json.WriteString("generatedAt", generatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WriteStartObject("filter");
        if (query.From is { } from) json.WriteString("from", from.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        if (query.To is { } to) json.WriteString("to", to.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        if (query.ParticipantId is { } participant) json.WriteString("participantId", participant);
        if (query.Kinds.Count > 0)
        {
            json.WriteStartArray("kinds");
            foreach (var kind in query.Kinds) json.WriteStringValue(AuditTrailRow.KindName(kind));
            json.WriteEndArray();
        }
        if (query.RecordId is { } recordId) json.WriteString("recordId", recordId);
        if (query.SubjectId is { } subjectId) json.WriteString("subjectId", subjectId);
        if (query.Actor is { } actor) json.WriteString("actor", actor);
        json.WriteEndObject();
        json.WriteStartArray("events");
        await foreach (var e in events.WithCancellation(ct).ConfigureAwait(false))
        {
            JsonSerializer.Serialize(json, AuditTrailRow.From(e), JsonOptions);
            count++;
            if (json.BytesPending > 64 * 1024) await json.FlushAsync(ct).ConfigureAwait(false);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct).ConfigureAwait(false);
        return count;
    }
}
