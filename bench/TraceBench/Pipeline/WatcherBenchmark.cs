using System.Diagnostics;
using System.Globalization;
using Grpc.Net.Client;
using Trace.Chain.Contracts.Registries;
using Trace.Crypto;
using Trace.Protos.V1;

namespace Trace.Bench.Pipeline;

/// <summary>
/// <c>watch [watchers] [idle seconds]</c>: opens N WatchRecordStatus streams (default 10,000) against a real node, checks
/// that one submitted record's ACCEPTED, ANCHORED and CONFIRMED reach every one of them in order, then measures the
/// server's CPU over an idle window (default 30 s) next to the same window with no watcher.
/// </summary>
internal static class WatcherBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var watchers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var idle = TimeSpan.FromSeconds(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 30);
        var data = Path.Combine(Path.GetTempPath(), "trace-watch-" + Guid.NewGuid().ToString("N")[..8]);
        var settings = new Dictionary<string, string>
        {
            ["Api:Limits:MaxWatchers"] = watchers.ToString(CultureInfo.InvariantCulture),
            ["Trace:Anchoring:MaxBatchDelayMilliseconds"] = "300",
        };
        await using var node = await BenchNode.StartAsync(data, settings);
        using var key = EthereumKey.Generate();
        await node.RegisterAsync([key.Address], ParticipantRoles.Supplier);
        var signer = node.SignerFor(key); // the watchers and the submission sign in as this supplier
        // Let start-up work (deployment, first blocks, JIT) settle before the baseline.
        await Task.Delay(5000);
        var baseline = await CpuCoresAsync(node, idle);
        Console.WriteLine($"no watcher: server used {baseline:F4} cores over {idle.TotalSeconds:F0} s idle");

        // HTTP/2 allows 100 streams per connection here: let the channel open as many connections as it needs.
        using var channel = GrpcChannel.ForAddress(node.Api.GrpcAddress, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
        });
        var client = new EvidenceService.EvidenceServiceClient(node.Authorized(channel));
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var calls = Enumerable.Range(0, watchers).Select(_ => client.WatchRecordStatus(new WatchRecordStatusRequest(), cancellationToken: stop.Token)).ToList();
        // Each stream is open once its response headers are in; the server sends them when the call starts.
        await Task.WhenAll(calls.Select(c => c.ResponseHeadersAsync));
        Console.WriteLine($"{watchers:N0} watchers open after {clock.Elapsed.TotalSeconds:F1} s");

        var draft = BenchNode.Draft("urn:trace:watch:bench", 1);
        var request = signer.StructuredRecord(draft.SubjectId, draft.Kind, draft.BodyJson);
        var id = (await client.SubmitRecordAsync(request)).Record.Id;
        clock.Restart();
        var expected = new[] { RecordChange.Accepted, RecordChange.Anchored, RecordChange.Confirmed };
        var seen = await Task.WhenAll(calls.Select(async call =>
        {
            var changes = new List<RecordChange>();
            while (changes.Count < expected.Length && await call.ResponseStream.MoveNext(stop.Token))
                if (call.ResponseStream.Current.RecordId == id) changes.Add(call.ResponseStream.Current.Change);
            return changes.SequenceEqual(expected);
        }));
        var complete = seen.Count(ok => ok);
        Console.WriteLine($"ACCEPTED, ANCHORED, CONFIRMED reached {complete:N0} of {watchers:N0} watchers in order ({clock.Elapsed.TotalSeconds:F1} s after the submission)");

        await Task.Delay(2000); // the last wake-ups drain
        var watching = await CpuCoresAsync(node, idle);
        var (rss, _) = node.Api.Memory();
        Console.WriteLine($"{watchers:N0} idle watchers: server used {watching:F4} cores over {idle.TotalSeconds:F0} s (no watcher: {baseline:F4}; target < 0.05); server RSS {rss / (1024 * 1024):N0} MiB");

        await stop.CancelAsync();
        foreach (var call in calls) call.Dispose();
        if (complete != watchers) throw new InvalidOperationException($"{watchers - complete} watchers missed an event");
        try { Directory.Delete(data, true); } catch (IOException) { }
    }

    private static async Task<double> CpuCoresAsync(BenchNode node, TimeSpan window)
    {
        var cpu = node.Api.CpuTime();
        var clock = Stopwatch.StartNew();
        await Task.Delay(window);
        return (node.Api.CpuTime() - cpu).TotalSeconds / clock.Elapsed.TotalSeconds;
    }
}
