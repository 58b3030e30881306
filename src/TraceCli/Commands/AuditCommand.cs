using System.CommandLine;
using Grpc.Core;
using Grpc.Net.Client;
using Trace.Protos.V1;

namespace Trace.Cli.Commands;

/// <summary><c>trace audit [--node URL]</c>: asks a Trace node to re-verify its whole index and prints what disagrees.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var node = new Option<string>("--node") { Description = "gRPC address of the Trace node", DefaultValueFactory = _ => "http://127.0.0.1:50051" };
        var command = new Command("audit", "Re-verify every record of a node's index against its blob store and the chain") { node };
        command.SetAction(async (parse, ct) =>
        {
            if (!Uri.TryCreate(parse.GetValue(node), UriKind.Absolute, out var nodeUrl) || nodeUrl.Scheme is not ("http" or "https"))
            {
                await Console.Out.WriteLineAsync("--node: not an http(s) URL");
                return 2;
            }
            return await RunAsync(nodeUrl, Console.Out, ct);
        });
        return command;
    }

    /// <summary>Exit codes: 0 no findings, 1 findings, 2 unusable input, 3 node unreachable.</summary>
    public static async Task<int> RunAsync(Uri nodeUrl, TextWriter output, CancellationToken ct)
    {
        using var channel = GrpcChannel.ForAddress(nodeUrl);
        var client = new AuditService.AuditServiceClient(channel);
        try
        {
            using var call = client.AuditIndex(new AuditIndexRequest(), cancellationToken: ct);
            while (await call.ResponseStream.MoveNext(ct))
            {
                var item = call.ResponseStream.Current;
                if (item.ItemCase == AuditIndexResponse.ItemOneofCase.Finding)
                {
                    var f = item.Finding;
                    await output.WriteLineAsync($"{f.RecordId} indexed {f.IndexedStatus}, verified {f.Verdict}: {f.Problem}");
                    foreach (var check in f.FailedChecks) await output.WriteLineAsync($"    {check}");
                    continue;
                }
                var s = item.Summary;
                await output.WriteLineAsync($"{s.Records} records audited, {s.Findings} findings");
                foreach (var (verdict, count) in s.ByVerdict.OrderBy(p => p.Key)) await output.WriteLineAsync($"  {verdict}: {count}");
                return s.Findings == 0 ? 0 : 1;
            }
            await output.WriteLineAsync("the node ended the audit without a summary");
            return 1;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            await output.WriteLineAsync($"cannot reach the node at {nodeUrl}: {ex.Status.Detail}");
            return 3;
        }
    }
}
