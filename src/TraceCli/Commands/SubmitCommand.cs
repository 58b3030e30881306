using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using Trace.Cli.Cli;
using Trace.Client;
using Trace.Client.Claims;
using Trace.Client.Standards.Epcis;
using Trace.Client.Uploads;
using Trace.Protos.V1;

namespace Trace.Cli.Commands;

/// <summary>
/// <c>trace submit PATH</c>: a document, a structured record (JSON), an EPCIS 2.0 document (<c>--epcis</c>), or a whole
/// folder of documents (with MB/s and ETA); <c>trace batch|transform|ship FILE</c>: one lineage record of that kind.
/// </summary>
internal static class SubmitCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "A file, or a folder (every file under it is submitted as a document)" };
        var kind = new Option<string?>("--kind") { Description = "Record kind (e.g. supplier-esg-file, environmental-impact-report, customs-environmental-certificate, transport-record, energy-reading, certification, product-carbon-footprint, other); a lineage record's kind comes from its recordType" };
        var subject = new Option<string?>("--subject") { Description = "Subject id the claim is about (a lineage record's comes from its identifier)" };
        var document = new Option<bool>("--document") { Description = "Submit a .json file as an opaque document, not as a structured record" };
        var epcis = new Option<bool>("--epcis") { Description = "The file is an EPCIS 2.0 JSON(-LD) document: its events become batch and transformation records, signed and submitted" };
        var counterparty = new Option<string?>("--counterparty") { Description = "With --epcis: the address receiving shipped goods when the events name none" };
        var wait = new Option<bool>("--wait") { Description = "Wait until every submitted record is CONFIRMED on chain" };
        var command = new Command("submit", "Sign and submit evidence: a document, a structured record, an EPCIS document, or a folder")
        {
            path, kind, subject, document, epcis, counterparty, wait,
        };
        Run.Action(command, async (s, ct) =>
        {
            var target = s.Value(path)!;
            var (client, signer) = await s.SignerAsync(ct);
            if (Directory.Exists(target)) return await FolderAsync(s, client, signer, target, s.Value(kind) is { } k ? Names.Kind(k) : RecordKind.Other, ct);
            if (!File.Exists(target)) throw CliException.BadInput($"{target}: no such file or folder");
            List<SubmitRecordRequest> requests;
            if (s.Value(epcis))
            {
                var conversion = EpcisConverter.Convert(JsonDocument.Parse(await File.ReadAllTextAsync(target, ct)).RootElement,
                    new EpcisConversionOptions { Issuer = signer.Address.ToString(), Counterparty = s.Value(counterparty) });
                requests = conversion.Records.Select(r => signer.StructuredRecord(r.SubjectId, r.Kind, r.BodyJson)).ToList();
                foreach (var e in conversion.Events.Where(e => e.Notes.Count > 0))
                    s.Say($"[grey]event {e.EventIndex} {Ui.Safe(e.Disposition.ToString())}: {Ui.Safe(string.Join("; ", e.Notes))}[/]");
            }
            else if (!s.Value(document) && target.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                requests = [Structured(signer, await File.ReadAllTextAsync(target, ct), s.Value(kind), s.Value(subject))];
            }
            else
            {
                var kindValue = s.Value(kind) is { } dk ? Names.Kind(dk) : throw CliException.BadInput("--kind: a document needs its kind (e.g. --kind certification)");
                var subjectValue = s.Value(subject) ?? throw CliException.BadInput("--subject: a document needs the subject id it is about");
                var answer = await client.SubmitDocumentAsync(signer, target, kindValue, subjectValue, MediaTypes.Of(target), ct: ct);
                return await ReportAsync(s, client, [(target, answer.Record, answer.Created)], s.Value(wait), ct);
            }
            var accepted = new List<(string, EvidenceRecord, bool)>();
            foreach (var request in requests)
            {
                var answer = await client.SubmitRecordAsync(request, ct);
                accepted.Add((request.SubjectId, answer.Record, answer.Created));
            }
            return await ReportAsync(s, client, accepted, s.Value(wait), ct);
        });
        return command;
    }

    /// <summary><c>trace batch|transform|ship FILE</c>: one lineage record whose recordType must be <paramref name="recordType"/>.</summary>
    public static Command Lineage(string name, string recordType, string description)
    {
        var file = new Argument<FileInfo>("file") { Description = $"The {recordType} record (JSON without \"salt\"; docs/lineage.md)" };
        var wait = new Option<bool>("--wait") { Description = "Wait until it is CONFIRMED on chain" };
        var command = new Command(name, description) { file, wait };
        Run.Action(command, async (s, ct) =>
        {
            var json = await File.ReadAllTextAsync(s.Value(file)!.FullName, ct);
            var (type, _, _) = LineageRecordType.Describe(json);
            if (type != recordType) throw CliException.BadInput($"recordType: `trace {name}` takes a {recordType} record, this is a {type} (use `trace submit`)");
            var (client, signer) = await s.SignerAsync(ct);
            var answer = await client.SubmitRecordAsync(signer.LineageRecord(json), ct);
            return await ReportAsync(s, client, [(s.Value(file)!.Name, answer.Record, answer.Created)], s.Value(wait), ct);
        });
        return command;
    }

    private static SubmitRecordRequest Structured(ClaimSigner signer, string json, string? kind, string? subject)
    {
        if (kind is null)
        {
            var described = LineageRecordType.Describe(json);
            return signer.StructuredRecord(subject ?? described.SubjectId, described.Kind, json);
        }
        return signer.StructuredRecord(subject ?? throw CliException.BadInput("--subject: a structured record of an explicit --kind needs its subject id"), Names.Kind(kind), json);
    }

    private static async Task<int> ReportAsync(Session s, TraceClient client, List<(string Source, EvidenceRecord Record, bool Created)> records, bool wait, CancellationToken ct)
    {
        if (wait)
        {
            if (!s.Json) s.Say("waiting until confirmed on chain…");
            for (var i = 0; i < records.Count; i++)
                records[i] = (records[i].Source, await client.WaitForStatusAsync(records[i].Record.Id, RecordStatus.Confirmed, ct), records[i].Created);
        }
        if (s.Json)
        {
            Session.WriteJson(new JsonObject
            {
                ["records"] = new JsonArray(records.Select(r => (JsonNode)new JsonObject
                {
                    ["source"] = r.Source, ["created"] = r.Created, ["record"] = Session.ToJson(r.Record),
                }).ToArray()),
            });
            return ExitCodes.Ok;
        }
        foreach (var (source, record, created) in records)
            s.Console.MarkupLine($"{(created ? "[green]accepted[/]" : "[yellow]already known[/]")} {RecordOutput.Line(record)}");
        return ExitCodes.Ok;
    }

    private static async Task<int> FolderAsync(Session s, TraceClient client, ClaimSigner signer, string folder, RecordKind kind, CancellationToken ct)
    {
        var results = new List<FileSubmission>();
        var clock = Stopwatch.StartNew();
        if (s.Json)
        {
            await foreach (var r in client.SubmitFolderAsync(signer, folder, kind, ct: ct)) results.Add(r);
        }
        else
        {
            await s.Console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("uploading", maxValue: 1);
                    var progress = new Progress<UploadProgress>(p =>
                    {
                        task.MaxValue = Math.Max(1, p.Bytes);
                        task.Value = p.BytesDone;
                        task.Description = $"{p.FilesDone}/{p.Files} {Ui.Safe(p.CurrentFile)}";
                    });
                    await foreach (var r in client.SubmitFolderAsync(signer, folder, kind, progress: progress, ct: ct)) results.Add(r);
                    task.Value = task.MaxValue;
                });
        }
        var bytes = results.Sum(r => r.Bytes);
        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        var refused = results.Where(r => !r.Accepted).ToList();
        if (s.Json)
        {
            Session.WriteJson(new JsonObject
            {
                ["files"] = results.Count, ["accepted"] = results.Count - refused.Count, ["refused"] = refused.Count,
                ["bytes"] = bytes, ["seconds"] = Math.Round(seconds, 3), ["megabytesPerSecond"] = Math.Round(bytes / 1e6 / seconds, 3),
                ["results"] = new JsonArray(results.Select(r => (JsonNode)new JsonObject
                {
                    ["path"] = r.Path, ["bytes"] = r.Bytes,
                    ["record"] = r.Response is null ? null : Session.ToJson(r.Response.Record),
                    ["error"] = r.Error?.Message,
                }).ToArray()),
            });
        }
        else
        {
            s.Console.MarkupLine(Ui.Format($"{results.Count - refused.Count} of {results.Count} files accepted, {bytes / 1e6:0.0} MB in {seconds:0.0} s ({bytes / 1e6 / seconds:0.0} MB/s)"));
            foreach (var r in refused) s.Console.MarkupLine(Ui.Format($"[red]refused[/] {r.Path}: {r.Error!.Message}"));
        }
        return refused.Count == 0 ? ExitCodes.Ok : ExitCodes.Negative;
    }
}
