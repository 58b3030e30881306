using System.Text.Json;
using CsvHelper;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Trace.Api.Tests.Evidence;
using Trace.Api.Tests.Support;
using Trace.Chain.Contracts.Registries;
using Trace.Crypto;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Assurance;

/// <summary>
/// The regulator's audit trail over real gRPC: every registry event with its transaction, block and log index, filtered
/// by time range, participant, kind and record; the CSV and JSON exports parse back to the same rows.
/// </summary>
[Collection(EvidenceNodeCollection.Name)]
public sealed class AuditTrailTests(EvidenceNodeFixture node)
{
    private AssuranceActors Actors => new(node.Api, node.Node, node.EvidenceRegistry);

    [Fact]
    public async Task The_audit_trail_filters_by_time_participant_kind_and_record_and_exports_the_same_rows_as_csv_and_json()
    {
        var started = DateTimeOffset.UtcNow.AddSeconds(-5);
        var supplier = node.NewSigner();
        using var regulator = EthereumKey.Generate();
        await node.RegisterAsync(supplier.Address, ParticipantRoles.Supplier);
        await node.RegisterAsync(regulator.Address, ParticipantRoles.Regulator);
        var report = await AssuranceActors.UploadConfirmedAsync(node.Evidence, supplier, $"urn:trace:audit:{Guid.NewGuid():N}");
        var flag = await Actors.AssuranceAs(regulator).FlagRecordAsync(await Actors.SignerFor(regulator).FlagAsync(Actors.Registry, report, FlagReason.MissingSupportingEvidence));
        var regulatorId = Hex.Encode(EvidenceNodeFixture.ParticipantId(regulator.Address));
        var trail = Actors.AssuranceAs(regulator);

        // By participant: its registration and key (indexed once confirmed) and its flag, oldest first.
        var byParticipant = new GetAuditTrailRequest { ParticipantId = regulatorId, From = Timestamp.FromDateTimeOffset(started) };
        var events = await AssuranceActors.PollAsync(() => ReadAsync(trail, byParticipant), e => e.Count >= 3);
        Assert.Equal([AuditEventKind.ParticipantRegistered, AuditEventKind.KeyAdded, AuditEventKind.RecordFlagged], events.Select(e => e.Kind));
        Assert.Equal(regulator.Address.ToString(), events[1].Related);
        var flagged = events[2];
        Assert.Equal((flag.TxHash, flag.BlockNumber, report, regulator.Address.ToString()), (flagged.TxHash, flagged.BlockNumber, flagged.RecordId, flagged.Actor));
        Assert.Equal((regulatorId, regulatorId, (uint)FlagReason.MissingSupportingEvidence), (flagged.ParticipantId, flagged.ActorParticipantId, flagged.Code));
        Assert.Equal(node.EvidenceRegistry.ToString(), flagged.Contract);
        Assert.Equal(32, flagged.BlockHash.Length);
        Assert.Equal(report, JsonDocument.Parse(flagged.DetailJson).RootElement.GetProperty("claimDigest").GetString());
        Assert.StartsWith("urn:trace:audit:", flagged.SubjectId);

        // By kind and record: the anchoring of its batch is not a record event; the flag is.
        var byRecord = await ReadAsync(trail, new GetAuditTrailRequest { RecordId = report, Kinds = { AuditEventKind.RecordFlagged, AuditEventKind.RecordRevoked } });
        Assert.Equal(flagged, Assert.Single(byRecord));
        var root = (await node.Evidence.GetRecordAsync(new GetRecordRequest { RecordId = report })).Record.Anchor.MerkleRoot;
        var anchored = await AssuranceActors.PollAsync(() => ReadAsync(trail, new GetAuditTrailRequest { Kinds = { AuditEventKind.BatchAnchored }, From = Timestamp.FromDateTimeOffset(started) }),
            a => a.Any(e => e.MerkleRoot.Equals(root)));
        Assert.Contains(anchored, e => e.MerkleRoot.Equals(root));
        Assert.All(anchored, e => Assert.Equal(AuditEventKind.BatchAnchored, e.Kind));

        // By time: a range that ended before the test saw none of it; by subject: only this record's events.
        Assert.Empty(await ReadAsync(trail, new GetAuditTrailRequest { ParticipantId = regulatorId, To = Timestamp.FromDateTimeOffset(started.AddHours(-1)) }));
        Assert.Equal(flagged, Assert.Single(await ReadAsync(trail, new GetAuditTrailRequest { SubjectId = flagged.SubjectId })));

        // The exports: the same rows as the stream, column by column.
        var csv = await ExportAsync(trail, byParticipant, AuditExportFormat.Csv);
        Assert.Equal("text/csv; charset=utf-8", csv.Info.MediaType);
        var csvRows = new List<string[]>();
        using (var reader = CsvReader.Create(csv.Bytes, null))
        {
            while (reader.Read()) csvRows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i)).ToArray());
            Assert.Equal(Columns, reader.Headers);
        }
        Assert.Equal(events.Select(Row), csvRows);
        Assert.Equal((ulong)events.Count, csv.Info.Events);

        var json = await ExportAsync(trail, byParticipant, AuditExportFormat.Json);
        using var document = JsonDocument.Parse(json.Bytes);
        Assert.Equal("trace.audit-trail/v1", document.RootElement.GetProperty("format").GetString());
        var jsonRows = document.RootElement.GetProperty("events").EnumerateArray()
            .Select(e => Columns.Select(c => e.GetProperty(c) is { ValueKind: JsonValueKind.Number } n ? n.GetRawText() : e.GetProperty(c).GetString()!).ToArray()).ToList();
        Assert.Equal(events.Select(Row), jsonRows);

        // Bad filters name their field.
        var bad = await EvidenceClientExtensions.ExpectErrorAsync(() => ReadAsync(trail, new GetAuditTrailRequest { ParticipantId = "acme" }));
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.StartsWith("participant_id:", bad.Status.Detail);
        var noFormat = await EvidenceClientExtensions.ExpectErrorAsync(() => ExportAsync(trail, byParticipant, AuditExportFormat.Unspecified));
        Assert.StartsWith("format:", noFormat.Status.Detail);
    }

    private static readonly string[] Columns =
        ["kind", "at", "blockNumber", "blockHash", "txHash", "logIndex", "contract", "actor", "actorParticipantId", "participantId", "recordId", "subjectId", "merkleRoot", "code", "related", "detailJson"];

    // The export's text for a streamed event (docs/assurance.md, "Audit trail export").
    private static string[] Row(AuditTrailEvent e) =>
    [
        e.Kind.ToString() switch { var k => string.Concat(k.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant() },
        e.At.ToDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        e.BlockNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), Hex.Encode(e.BlockHash.Span), Hex.Encode(e.TxHash.Span),
        e.LogIndex.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Contract, e.Actor, e.ActorParticipantId, e.ParticipantId, e.RecordId, e.SubjectId,
        e.MerkleRoot.IsEmpty ? "" : Hex.Encode(e.MerkleRoot.Span), e.Code.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Related, e.DetailJson,
    ];

    private static async Task<List<AuditTrailEvent>> ReadAsync(AssuranceService.AssuranceServiceClient client, GetAuditTrailRequest request)
    {
        using var call = client.GetAuditTrail(request);
        var events = new List<AuditTrailEvent>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None)) events.Add(call.ResponseStream.Current);
        return events;
    }

    private static async Task<(AuditExportInfo Info, byte[] Bytes)> ExportAsync(AssuranceService.AssuranceServiceClient client, GetAuditTrailRequest filter, AuditExportFormat format)
    {
        using var call = client.ExportAuditTrail(new ExportAuditTrailRequest { Filter = filter, Format = format });
        AuditExportInfo? info = null;
        using var bytes = new MemoryStream();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            if (call.ResponseStream.Current.PartCase == ExportAuditTrailResponse.PartOneofCase.Info) info = call.ResponseStream.Current.Info;
            else call.ResponseStream.Current.Chunk.WriteTo(bytes);
        }
        Assert.NotNull(info);
        return (info, bytes.ToArray());
    }
}
