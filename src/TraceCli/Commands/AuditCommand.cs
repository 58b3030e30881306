using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Spectre.Console;
using Trace.Cli.Cli;
using Trace.Protos.V1;

namespace Trace.Cli.Commands;

/// <summary>
/// <c>trace audit</c>: the node re-verifies its whole index against its blobs and the chain (exit 1 with findings);
/// <c>trace audit rebuild</c> has the node build a fresh index from the chain and its blob journal (admin);
/// <c>trace audit cbam</c> exports a CBAM report; <c>trace audit pact BATCH</c> a PACT ProductFootprint.
/// </summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var command = new Command("audit", "Re-verify every record of the node's index against its blob store and the chain; the registry's audit trail; CBAM and PACT exports");
        Run.Action(command, IndexAsync);

        var from = new Option<string>("--from") { Description = "Period start, a date (UTC), e.g. 2026-10-01", Required = true };
        var to = new Option<string>("--to") { Description = "Period end (exclusive), e.g. 2027-01-01", Required = true };
        var cn = new Option<string?>("--cn") { Description = "Only goods of this CN code (8 digits)" };
        var installation = new Option<string?>("--installation") { Description = "Only goods of this installation" };
        var csv = new Option<bool>("--csv") { Description = "CSV instead of JSON" };
        var cbamOut = new Option<FileInfo?>("--output", "-o") { Description = "Save the report here (default: standard output)" };
        var cbam = new Command("cbam", "Export the CBAM report of a period (docs/cbam.md; regulators, verifiers, admins: every good; suppliers: their own)") { from, to, cn, installation, csv, cbamOut };
        Run.Action(cbam, async (s, ct) =>
        {
            var client = await s.SignedInClientAsync(ct);
            var request = new ExportCbamReportRequest
            {
                PeriodStart = Date(s.Value(from)!, "--from"), PeriodEnd = Date(s.Value(to)!, "--to"),
                CnCode = s.Value(cn) ?? "", InstallationId = s.Value(installation) ?? "",
                Format = s.Value(csv) ? CbamReportFormat.Csv : CbamReportFormat.Json,
            };
            var answer = await client.Cbam.ExportCbamReportAsync(request, cancellationToken: ct);
            return await SaveAsync(s, answer.Content, s.Value(cbamOut), $"CBAM report: {answer.GoodsItems} goods items from {answer.Batches} batches ({answer.MediaType})",
                new JsonObject { ["mediaType"] = answer.MediaType, ["goodsItems"] = answer.GoodsItems, ["batches"] = answer.Batches }, ct);
        });

        var batch = new Argument<string>("batch") { Description = "Batch id" };
        var spec = new Option<string>("--spec") { Description = "PACT Technical Specification version: 2 or 3", DefaultValueFactory = _ => "2" };
        var pactOut = new Option<FileInfo?>("--output", "-o") { Description = "Save the ProductFootprint here (default: standard output)" };
        var pact = new Command("pact", "Export a batch's footprint as a PACT ProductFootprint (docs/pact.md)") { batch, spec, pactOut };
        Run.Action(pact, async (s, ct) =>
        {
            var client = await s.ClientAsync(ct);
            var answer = await client.Pact.ExportProductFootprintAsync(new ExportProductFootprintRequest { BatchId = s.Value(batch)!, SpecVersion = s.Value(spec)! }, cancellationToken: ct);
            return await SaveAsync(s, answer.ProductFootprintJson, s.Value(pactOut), $"PACT ProductFootprint {answer.FootprintId}",
                new JsonObject { ["footprintId"] = answer.FootprintId }, ct);
        });

        var name = new Option<string?>("--name") { Description = "File name of the new index under <data directory>/rebuilds/ (ending in .db; default trace-<UTC time>.db)" };
        var rebuild = new Command("rebuild", "Admin: have the node build a fresh index from the chain and its blob journal beside the live one, and report what it restored (docs/rebuild.md)") { name };
        Run.Action(rebuild, RebuildAsync(name));

        command.Subcommands.Add(AssuranceCommands.Trail());
        command.Subcommands.Add(rebuild);
        command.Subcommands.Add(cbam);
        command.Subcommands.Add(pact);
        return command;
    }

    /// <summary>Exit codes: 0 no findings, 1 findings, 3 node unreachable.</summary>
    private static async Task<int> IndexAsync(Session s, CancellationToken ct)
    {
        var client = await s.ClientAsync(ct);
        using var call = client.Audit.AuditIndex(new AuditIndexRequest(), cancellationToken: ct);
        var findings = new JsonArray();
        while (await call.ResponseStream.MoveNext(ct))
        {
            var item = call.ResponseStream.Current;
            if (item.ItemCase == AuditIndexResponse.ItemOneofCase.Finding)
            {
                var f = item.Finding;
                if (s.Json) findings.Add(Session.ToJson(f));
                else
                {
                    s.Console.MarkupLine(Ui.Format($"{f.RecordId} indexed {f.IndexedStatus}, verified {f.Verdict}: {f.Problem}"));
                    foreach (var check in f.FailedChecks) s.Console.MarkupLine(Ui.Format($"    {check}"));
                }
                continue;
            }
            var summary = item.Summary;
            if (s.Json) Session.WriteJson(new JsonObject { ["summary"] = Session.ToJson(summary), ["findings"] = findings });
            else
            {
                s.Console.MarkupLine(Ui.Format($"{summary.Records} records audited, {summary.Findings} findings"));
                foreach (var (verdict, count) in summary.ByVerdict.OrderBy(p => p.Key)) s.Console.MarkupLine(Ui.Format($"  {verdict}: {count}"));
            }
            return summary.Findings == 0 ? ExitCodes.Ok : ExitCodes.Negative;
        }
        throw new CliException(ExitCodes.Negative, "the node ended the audit without a summary");
    }

    /// <summary>
    /// Exit codes: 0 rebuilt with nothing left out, 1 rebuilt with problems or refused records, 2 a bad name, 3 the node
    /// or its chain unreachable, 4 not an admin, 6 a rebuild of that name exists.
    /// </summary>
    private static Func<Session, CancellationToken, Task<int>> RebuildAsync(Option<string?> name) => async (s, ct) =>
    {
        var client = await s.SignedInClientAsync(ct);
        var request = new RebuildIndexRequest { Name = s.Value(name) ?? "" };
        var answer = s.Json
            ? await client.IndexAdmin.RebuildIndexAsync(request, cancellationToken: ct)
            : await s.Console.Status().StartAsync("rebuilding the index from the chain and the blob journal…",
                async _ => await client.IndexAdmin.RebuildIndexAsync(request, cancellationToken: ct));
        if (s.Json) Session.WriteJson(Session.ToJson(answer));
        else
        {
            s.Console.MarkupLine(Ui.Format($"Rebuilt index: {answer.DatabasePath}"));
            s.Console.MarkupLine(Ui.Format($"  {answer.Records} records, {answer.Batches} batches ({answer.AnchoredBatches} anchored), {answer.WithdrawnRecords} withdrawn on chain"));
            s.Console.MarkupLine(Ui.Format($"  {answer.RpcCalls} JSON-RPC calls, {answer.ElapsedMs / 1000.0m:0.0} s"));
            foreach (var problem in answer.Problems) s.Console.MarkupLine(Ui.Format($"  [red]problem[/]: {problem}"));
            foreach (var refused in answer.Refused) s.Console.MarkupLine(Ui.Format($"  [yellow]refused on replay[/]: {refused}"));
            s.Console.MarkupLine("The live index is untouched: stop the node and move the file into place to serve from it (docs/rebuild.md).");
        }
        return answer.Problems.Count == 0 && answer.Refused.Count == 0 ? ExitCodes.Ok : ExitCodes.Negative;
    };

    private static async Task<int> SaveAsync(Session s, string content, FileInfo? output, string summary, JsonObject json, CancellationToken ct)
    {
        if (output is not null)
        {
            await File.WriteAllTextAsync(output.FullName, content, ct);
            if (s.Json) { json["file"] = output.FullName; Session.WriteJson(json); }
            else s.Console.MarkupLine(Ui.Format($"{summary}, saved to {output.FullName}"));
        }
        else if (s.Json)
        {
            json["content"] = content;
            Session.WriteJson(json);
        }
        else System.Console.Out.WriteLine(content);
        return ExitCodes.Ok;
    }

    public static Timestamp Date(string text, string option) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? Timestamp.FromDateTimeOffset(at) : throw CliException.BadInput($"{option}: '{text}' is not a date (e.g. 2026-10-01)");
}
