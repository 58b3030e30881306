using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;
using Trace.Cli.Cli;
using Trace.Protos.V1;

namespace Trace.Cli.Commands;

/// <summary><c>trace records list|show|watch</c>: the records a node holds, one record with its anchor, status changes as they happen.</summary>
internal static class RecordsCommand
{
    public static Command Create()
    {
        var subject = new Option<string?>("--subject") { Description = "Only records about this subject id" };
        var prefix = new Option<string?>("--subject-prefix") { Description = "Only records whose subject id starts so (e.g. a GS1 Digital Link product: https://id.gs1.org/01/GTIN/)" };
        var issuer = new Option<string?>("--issuer") { Description = "Only records signed by this key" };
        var kind = new Option<string?>("--kind") { Description = "Only records of this kind" };
        var status = new Option<string?>("--status") { Description = "Only records in this status (pending, anchored, confirmed)" };
        var limit = new Option<int>("--limit") { Description = "At most this many records (0 = all)", DefaultValueFactory = _ => 100 };
        var list = new Command("list", "Records matching the filters, newest pages first as the node orders them (needs a signed-in key)") { subject, prefix, issuer, kind, status, limit };
        Run.Action(list, async (s, ct) =>
        {
            var client = await s.SignedInClientAsync(ct);
            var filter = new ListRecordsRequest
            {
                SubjectId = s.Value(subject) ?? "", SubjectPrefix = s.Value(prefix) ?? "", Issuer = s.Value(issuer) ?? "",
                Kind = s.Value(kind) is { } k ? Names.Kind(k) : RecordKind.Unspecified,
                Status = s.Value(status) is { } st ? Names.Status(st) : RecordStatus.Unspecified,
            };
            var records = new List<EvidenceRecord>();
            await foreach (var r in client.ListRecordsAsync(filter, ct))
            {
                records.Add(r);
                if (s.Value(limit) > 0 && records.Count >= s.Value(limit)) break;
            }
            if (s.Json) Session.WriteJson(new JsonObject { ["records"] = RecordOutput.Json(records) });
            else s.Console.Write(RecordOutput.Table(records));
            return ExitCodes.Ok;
        });

        var id = new Argument<string>("record") { Description = "Record id (0x + 64 hex)" };
        var content = new Option<FileInfo?>("--content") { Description = "Also save the record's content (document bytes, or the canonical record JSON with its salt) to this file; needs read access (docs/confidentiality.md)" };
        var show = new Command("show", "One record: kind, subject, issuer, status, anchor, withdrawal") { id, content };
        Run.Action(show, async (s, ct) =>
        {
            var client = s.Value(content) is null ? await s.ClientAsync(ct) : await s.SignedInClientAsync(ct);
            var record = await client.GetRecordAsync(s.Value(id)!, ct);
            if (s.Value(content) is { } file)
            {
                await using var output = file.Create();
                await client.DownloadContentAsync(record.Id, output, ct);
            }
            if (s.Json)
            {
                var json = new JsonObject { ["record"] = Session.ToJson(record) };
                if (s.Value(content) is { } saved) json["contentFile"] = saved.FullName;
                Session.WriteJson(json);
                return ExitCodes.Ok;
            }
            var claim = record.SignedClaim.Claim;
            var table = new Table().HideHeaders().AddColumns("", "");
            table.AddRow("record", record.Id);
            table.AddRow("kind", Names.Of(claim.Kind));
            table.AddRow("subject", Ui.Safe(record.SubjectId));
            table.AddRow("issuer", claim.Issuer);
            table.AddRow("status", RecordOutput.Status(record));
            table.AddRow("accepted", record.AcceptedAt?.ToDateTimeOffset().ToString("u") ?? "");
            if (record.Anchor is { } anchor && anchor.BlockNumber > 0)
                table.AddRow("anchored", $"block {anchor.BlockNumber}, transaction 0x{Convert.ToHexStringLower(anchor.TxHash.Span)}, {record.AnchoredAt?.ToDateTimeOffset():u}");
            if (record.MediaType.Length > 0) table.AddRow("content", Ui.Safe($"{record.MediaType} {record.FileName} {record.ContentLength} bytes".Trim()));
            if (s.Value(content) is { } f) table.AddRow("saved", Ui.Safe(f.FullName));
            s.Console.Write(table);
            return ExitCodes.Ok;
        });

        var ids = new Argument<string[]>("records") { Description = "Record ids to watch (none: every record)", Arity = ArgumentArity.ZeroOrMore };
        var until = new Option<string?>("--until") { Description = "Stop when every named record has reached this status (anchored, confirmed)" };
        var watch = new Command("watch", "Status changes as they happen (ACCEPTED, ANCHORED, CONFIRMED, UNANCHORED, REVOKED, SUPERSEDED); Ctrl-C stops") { ids, until };
        Run.Action(watch, async (s, ct) =>
        {
            var client = await s.SignedInClientAsync(ct);
            var watched = s.Value(ids) ?? [];
            var target = s.Value(until) is { } u ? Names.Status(u) : (RecordStatus?)null;
            if (target is not null && watched.Length == 0) throw CliException.BadInput("--until needs the record ids to wait for");
            var reached = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            try
            {
                await foreach (var change in client.WatchAsync(watched, includeCurrent: true, ct))
                {
                    if (s.Json) System.Console.Out.WriteLine(Session.ToJson(change).ToJsonString());
                    else s.Console.MarkupLine(Ui.Format($"{change.At?.ToDateTimeOffset():u} {change.RecordId} {Names.Of(change.Change)} ({Names.Of(change.Status)})"));
                    if (target is { } t && change.Status >= t) reached.Add(change.RecordId);
                    if (target is not null && watched.All(reached.Contains)) return ExitCodes.Ok;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
            return ExitCodes.Ok;
        });

        return new Command("records", "Records held by the node") { list, show, watch };
    }

}
