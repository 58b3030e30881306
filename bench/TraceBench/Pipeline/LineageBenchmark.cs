using System.Diagnostics;
using System.Globalization;
using Grpc.Net.Client;
using Trace.Chain.Contracts.Registries;
using Trace.Client.Claims;
using Trace.Crypto;
using Trace.Protos.V1;

namespace Trace.Bench.Pipeline;

/// <summary>
/// <c>lineage [reads] [on|off]</c>: builds a 10,000-batch upstream DAG 20 levels deep (<see cref="LineageDag"/>) through the real
/// gRPC API of an embedded node (managed Anvil, SQLite), every record signed client-side before timing and submitted over
/// SubmitRecords streams, then measures: the intake rate, GetFootprint p50/p99 of the root and of random batches, then
/// (anchoring on) waits until the status projector has verified the whole DAG, then GetUpstreamLineage of the root with no depth limit, and the cost of adding one transformation on top of a batch with
/// about 100, 300, 3,000 and 10,000 batches upstream. <c>off</c> runs with anchoring disabled (nothing is confirmed, so the
/// status projector has no verified parts to maintain): the intake and read costs of the lineage alone.
/// </summary>
internal static class LineageBenchmark
{
    private const int Streams = 8;

    public static async Task RunAsync(string[] args)
    {
        var reads = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        var data = Path.Combine(Path.GetTempPath(), "trace-lineage-" + Guid.NewGuid().ToString("N")[..8]);
        var settings = new Dictionary<string, string>
        {
            ["Trace:Anchoring:MaxBatchSize"] = "4096",
            ["Trace:Anchoring:MaxBatchDelayMilliseconds"] = "500",
            ["Trace:Evidence:IssuerCacheDuration"] = "00:01:00",
            ["Chain:Confirmations"] = "1",
        };
        if (args.Length > 1 && args[1] == "off") settings["Trace:Anchoring:Enabled"] = "false";
        Console.WriteLine($"anchoring {(settings.ContainsKey("Trace:Anchoring:Enabled") ? "off" : "on")}");
        await using var node = await BenchNode.StartAsync(data, settings);
        var keys = Enumerable.Range(0, LineageDag.Participants).Select(_ => EthereumKey.Generate()).ToArray();
        await node.RegisterAsync(keys.Select(k => k.Address), ParticipantRoles.Supplier);
        var signers = keys.Select(node.SignerFor).ToArray();
        // Lineage graphs are read as a regulator (every batch is within its reach); records are submitted as their issuers.
        using var regulator = EthereumKey.Generate();
        await node.RegisterAsync([regulator.Address], ParticipantRoles.Regulator);
        node.Tokens.DefaultKey = regulator;
        if (args.Length > 2 && args[2] == "intake")
        {
            // `lineage <reads> <on|off> intake [pairs]`: only the steady intake, for comparing builds back to back.
            Console.WriteLine($"server pid {node.Api.Pid}");
            await FlatIntakeAsync(evidence: new EvidenceService.EvidenceServiceClient(node.Authorized(node.Api.Channel)), signers[0], node,
                args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5_000);
            try { Directory.Delete(data, true); } catch (IOException) { }
            return;
        }
        using var channel = GrpcChannel.ForAddress(node.Api.GrpcAddress, new GrpcChannelOptions { MaxReceiveMessageSize = null, MaxSendMessageSize = null });
        var evidence = new EvidenceService.EvidenceServiceClient(node.Authorized(channel));
        var lineage = new LineageService.LineageServiceClient(node.Authorized(channel));
        var anchoring = !settings.ContainsKey("Trace:Anchoring:Enabled");

        // 0. Warm-up: a smaller DAG of the same shape (its wide levels 60 batches instead of 585), so the node measured
        //    below has compiled its hot paths as a node that has been running does (the tiered JIT took 20-30 % of the
        //    server's CPU in the first 15 s of a cold node's intake). Its own rate is the cold node's figure.
        //    `lineage <reads> <on|off> cold` skips it: the figures of a node that has just started.
        if (args.Length > 2 && args[2] == "cold") Console.WriteLine("no warm-up: a node that has just started");
        else
        {
            var warmUp = new LineageDag(wideWidth: 60);
            var warmUpWaves = SignWaves(warmUp, signers);
            Console.Write("warm-up, cold node: ");
            await BuildAsync(node, evidence, warmUpWaves, perKindLines: false);
            await WaitUntilSettledAsync(lineage, warmUp.BatchId(0, 0), node, Stopwatch.StartNew(), anchoring, "the warm-up");
        }

        var dag = new LineageDag();
        Console.WriteLine($"signing the DAG's records ({dag.BatchCount:N0} batches, {LineageDag.Depth} levels; client-side work, not timed)...");
        var waves = SignWaves(dag, signers);
        Console.WriteLine($"{waves.Sum(w => w.Requests.Length):N0} records in {waves.Count} waves (a wave holds what the next one builds on)");

        // 1. Intake: the whole DAG, wave after wave, each wave over parallel SubmitRecords streams.
        Console.Write("intake: ");
        var clock = Stopwatch.StartNew();
        await BuildAsync(node, evidence, waves, perKindLines: true);

        // 2. Footprint reads: the root, then random batches.
        var root = dag.BatchId(0, 0);
        var rootFootprint = (await lineage.GetFootprintAsync(new GetFootprintRequest { BatchId = root })).Footprint;
        Console.WriteLine($"root footprint: {rootFootprint.TotalKgCo2E} kgCO2e, {rootFootprint.KgCo2EPerUnit} per {rootFootprint.Quantity.Unit}, {rootFootprint.Breakdown.Count} components");
        await TimeAsync(node, "GetFootprint(root)", reads, _ => lineage.GetFootprintAsync(new GetFootprintRequest { BatchId = root }).ResponseAsync);
        var random = new Random(12);
        await TimeAsync(node, "GetFootprint(random batch)", reads, _ =>
        {
            var d = random.Next(LineageDag.Depth);
            return lineage.GetFootprintAsync(new GetFootprintRequest { BatchId = dag.BatchId(d, random.Next(dag.Widths[d])) }).ResponseAsync;
        });

        // 3. With anchoring on, the status projector confirms the DAG's records through the lineage's single writer for a
        //    while after intake, taking the CPU the reads below would measure, and an added transformation that queues
        //    behind one of its refreshes measures the refresh. So first wait until the whole DAG is verified (the root's
        //    verified share is 1: all 10,000 batches are upstream of it) and the server is idle. The footprint reads above ran
        //    during it.
        if (anchoring) await WaitUntilSettledAsync(lineage, root, node, clock, anchoring: true, "the footprint reads");

        // 4. The root's whole upstream lineage, no depth limit.
        var full = await lineage.GetUpstreamLineageAsync(new GetUpstreamLineageRequest { BatchId = root, MaxDepth = 1000, MaxNodes = 100_000 });
        Console.WriteLine($"upstream lineage of the root: {full.Nodes.Count:N0} batches, {full.Edges.Count:N0} edges, truncated {full.Truncated}, {full.CalculateSize() / 1024.0 / 1024.0:F1} MiB");
        if (full.Nodes.Count != dag.BatchCount || full.Truncated)
            throw new InvalidOperationException($"expected {dag.BatchCount} batches upstream of the root, got {full.Nodes.Count} (truncated {full.Truncated})");
        // `lineage <reads> <on|off> upstream [calls]`: only this read after the build, e.g. for a profiler's window.
        var upstreamOnly = args.Length > 2 && args[2] == "upstream";
        if (upstreamOnly) Console.WriteLine($"server pid {node.Api.Pid}");
        await TimeAsync(node, "GetUpstreamLineage(root, no depth limit)",
            upstreamOnly && args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : Math.Max(20, reads / 50), _ =>
            lineage.GetUpstreamLineageAsync(new GetUpstreamLineageRequest { BatchId = root, MaxDepth = 1000, MaxNodes = 100_000 }).ResponseAsync);
        if (upstreamOnly)
        {
            try { Directory.Delete(data, true); } catch (IOException) { }
            return;
        }

        // 5. One more transformation on top of a batch with ~100, ~300, ~3,000 and 10,000 batches upstream (the sizes this
        //    DAG's shape offers: a batch of the wide levels has n(n+1)/2 upstream, one of depth 2 ~360, of depth 1 ~3,000).
        foreach (var target in new[] { 100, 300, 3_000, 10_000 })
        {
            var (d, j, size) = Enumerable.Range(0, LineageDag.Depth).SelectMany(d => Enumerable.Range(0, Math.Min(dag.Widths[d], 3)).Select(j => (d, j)))
                .Select(p => (p.d, p.j, Size: dag.UpstreamSize(p.d, p.j))).MinBy(p => Math.Abs(p.Size - target));
            await AddOnTopAsync(evidence, lineage, signers[LineageDag.OwnerOf(d)], dag, d, j, size, Math.Max(20, reads / 100));
        }

        // 6. Steady intake without wave barriers: 15,000 batch records in one go, then 5,000 transformations (each
        //    consuming one of those batches into another), over 16 streams.
        await FlatIntakeAsync(evidence, signers[0], node);
        try { Directory.Delete(data, true); } catch (IOException) { }
    }

    /// <summary>
    /// Waits until every record upstream of the root is confirmed and projected (the root's verified share is 1; only
    /// when <paramref name="anchoring"/>) and the server has then been idle (under 10 % of a core) for 2 s, so the
    /// projector has worked through the feed and the JIT through its queue; at most 5 minutes. Says how long that took.
    /// </summary>
    private static async Task WaitUntilSettledAsync(LineageService.LineageServiceClient lineage, string root, BenchNode node, Stopwatch clock,
        bool anchoring, string after)
    {
        var started = clock.Elapsed;
        var (cpu, at) = (node.Api.CpuTime(), clock.Elapsed);
        var idleSince = clock.Elapsed;
        var share = "";
        while (clock.Elapsed - started < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(500);
            share = anchoring ? (await lineage.GetFootprintAsync(new GetFootprintRequest { BatchId = root })).Footprint.VerifiedShare : "1";
            var (nowCpu, now) = (node.Api.CpuTime(), clock.Elapsed);
            var busy = (nowCpu - cpu) / (now - at);
            (cpu, at) = (nowCpu, now);
            if (share != "1" || busy > 0.1) idleSince = now;
            else if (now - idleSince >= TimeSpan.FromSeconds(2))
            {
                Console.WriteLine(anchoring
                    ? $"status projector settled: the whole DAG verified (root's verified share 1) and the server idle {(idleSince - started).TotalSeconds:F1} s after {after}"
                    : $"server idle {(idleSince - started).TotalSeconds:F1} s after {after}");
                return;
            }
        }
        Console.WriteLine($"status projector still busy after 5 minutes (root's verified share {share}); the next figures include its refreshes");
    }

    /// <summary>Submits the waves one after the other (each over parallel streams) and prints the rate, per kind when asked.</summary>
    private static async Task BuildAsync(BenchNode node, EvidenceService.EvidenceServiceClient evidence, List<(string Kind, SubmitRecordRequest[] Requests)> waves,
        bool perKindLines)
    {
        var total = waves.Sum(w => w.Requests.Length);
        var serverCpu = node.Api.CpuTime();
        var clock = Stopwatch.StartNew();
        var perKind = new Dictionary<string, (int Records, TimeSpan Time)>();
        foreach (var wave in waves)
        {
            var started = clock.Elapsed;
            await SubmitAsync(evidence, wave.Requests);
            var (records, time) = perKind.GetValueOrDefault(wave.Kind);
            perKind[wave.Kind] = (records + wave.Requests.Length, time + (clock.Elapsed - started));
        }
        var built = clock.Elapsed;
        serverCpu = node.Api.CpuTime() - serverCpu;
        Console.WriteLine($"{total:N0} lineage records in {built.TotalSeconds:F1} s = {total / built.TotalSeconds:N0} records/s through SubmitRecords " +
            $"({Streams} streams per wave, waiting for each wave before the next), server CPU {serverCpu.TotalMicroseconds / total:N0} µs/record");
        if (!perKindLines) return;
        foreach (var (kind, (records, time)) in perKind)
            Console.WriteLine($"  {kind,-15} {records,7:N0} records in {time.TotalSeconds,6:F1} s = {records / time.TotalSeconds,7:N0} records/s");
    }

    private static async Task FlatIntakeAsync(EvidenceService.EvidenceServiceClient evidence, ClaimSigner owner, BenchNode node, int pairs = 5_000)
    {
        var extra = 2 * pairs;
        var run = Guid.NewGuid().ToString("N")[..6];
        string Id(string what, int i) => $"urn:trace:bench:flat:{run}:{what}:{i}";
        string Batch(string id, string emissions) =>
            $"{{\"recordType\":\"trace.batch/v1\",\"batchId\":\"{id}\",\"product\":{{\"name\":\"flat\"}},\"quantity\":{LineageDag.Tonnes(10)}{emissions}}}";
        const string own = ",\"emissions\":{\"scope1\":{\"kgCO2e\":\"12.5\",\"method\":\"measured\"}}";
        var batches = owner.StructuredRecords([
            .. Enumerable.Range(0, pairs + extra).Select(i => new RecordDraft(Id("raw", i), RecordKind.Batch, Batch(Id("raw", i), own))),
            .. Enumerable.Range(0, pairs).Select(i => new RecordDraft(Id("out", i), RecordKind.Batch, Batch(Id("out", i), ""))),
        ]);
        var transformations = owner.StructuredRecords([.. Enumerable.Range(0, pairs).Select(i => LineageDag.Transformation(Id("t", i),
            $"{{\"batchId\":\"{Id("raw", i)}\",\"quantity\":{LineageDag.Tonnes(10)}}}", Id("out", i), 10))]);
        foreach (var (what, requests) in new[] { ("batch records", batches), ("transformation records", transformations) })
        {
            var cpu = node.Api.CpuTime();
            var clock = Stopwatch.StartNew();
            await SubmitAsync(evidence, requests, 16);
            var time = clock.Elapsed;
            cpu = node.Api.CpuTime() - cpu;
            Console.WriteLine($"steady intake, {requests.Length:N0} {what} over 16 SubmitRecords streams: {time.TotalSeconds:F1} s = {requests.Length / time.TotalSeconds:N0} records/s, server CPU {cpu.TotalMicroseconds / requests.Length:N0} µs/record");
        }
    }

    /// <summary>Signs every record, grouped in waves from the deepest level up: a wave only cites records of earlier waves.</summary>
    private static List<(string Kind, SubmitRecordRequest[] Requests)> SignWaves(LineageDag dag, ClaimSigner[] signers)
    {
        var waves = new List<(string, SubmitRecordRequest[])>();
        SubmitRecordRequest[] Sign(IEnumerable<(int Owner, RecordDraft Draft)> drafts) =>
            [.. drafts.GroupBy(x => x.Owner).SelectMany(g => signers[g.Key].StructuredRecords([.. g.Select(x => x.Draft)]))];

        var deepest = LineageDag.Depth - 1;
        waves.Add(("batch", Sign(Enumerable.Range(0, dag.Widths[deepest]).Select(j => (LineageDag.OwnerOf(deepest), dag.Batch(deepest, j))))));
        for (var d = deepest - 1; d >= 0; d--)
        {
            var level = d;
            var batches = Enumerable.Range(0, dag.Widths[level]).Select(j => (LineageDag.OwnerOf(level), dag.Batch(level, j)));
            var shipments = LineageDag.Shipped(level)
                ? Enumerable.Range(0, dag.Widths[level]).SelectMany(j => dag.Inputs[level][j].Select(i =>
                    (LineageDag.OwnerOf(level + 1), dag.Shipment(level, j, i, signers[LineageDag.OwnerOf(level + 1)].Address.ToString(), signers[LineageDag.OwnerOf(level)].Address.ToString()))))
                : [];
            waves.Add((LineageDag.Shipped(level) ? "batch+shipment" : "batch", Sign(batches.Concat(shipments))));
            waves.Add(("transformation", Sign(Enumerable.Range(0, dag.Widths[level]).Select(j => (LineageDag.OwnerOf(level), dag.Transformation(level, j))))));
        }
        return waves;
    }

    /// <summary>Submits <paramref name="requests"/> over <paramref name="streams"/> SubmitRecords streams; throws on the first refusal.</summary>
    private static async Task SubmitAsync(EvidenceService.EvidenceServiceClient client, SubmitRecordRequest[] requests, int streams = Streams)
    {
        // A stream is one signed-in caller: each carries one issuer's records (docs/access.md), the streams split per issuer.
        var groups = requests.GroupBy(r => r.SignedClaim.Claim.Issuer).Select(g => g.ToArray()).ToArray();
        var perGroup = Math.Max(1, streams / Math.Max(1, groups.Length));
        // A part with nothing to send opens no stream: an empty stream has no first message to sign in by, so it would go
        // as the default key (the regulator reading the graphs), which may not submit.
        await Task.WhenAll(groups.SelectMany(g => Enumerable.Range(0, Math.Min(perGroup, g.Length)).Select(s => (Requests: g, First: s))).Select(part => Task.Run(async () =>
        {
            using var call = client.SubmitRecords();
            var reading = Task.Run(async () =>
            {
                while (await call.ResponseStream.MoveNext(CancellationToken.None))
                    if (call.ResponseStream.Current.ResultCase != SubmitRecordsResponse.ResultOneofCase.Accepted)
                        throw new InvalidOperationException($"record refused: {call.ResponseStream.Current.Refused}");
            });
            for (var i = part.First; i < part.Requests.Length; i += perGroup) await call.RequestStream.WriteAsync(part.Requests[i]);
            await call.RequestStream.CompleteAsync();
            await reading;
        })));
    }

    /// <summary>Adds a transformation consuming 1 TNE of (d, j) into a new batch, <paramref name="repeats"/> times; prints the median.</summary>
    private static async Task AddOnTopAsync(EvidenceService.EvidenceServiceClient evidence, LineageService.LineageServiceClient lineage, ClaimSigner owner,
        LineageDag dag, int d, int j, int upstream, int repeats)
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var outputs = owner.StructuredRecords([.. Enumerable.Range(0, repeats).Select(r => new RecordDraft($"urn:trace:bench:top:{run}:{r}", RecordKind.Batch,
            $"{{\"recordType\":\"trace.batch/v1\",\"batchId\":\"urn:trace:bench:top:{run}:{r}\",\"product\":{{\"name\":\"on top\"}},\"quantity\":{LineageDag.Tonnes(1)}}}"))]);
        var transformations = owner.StructuredRecords([.. Enumerable.Range(0, repeats).Select(r => LineageDag.Transformation($"urn:trace:bench:top-t:{run}:{r}",
            $"{{\"batchId\":\"{dag.BatchId(d, j)}\",\"quantity\":{LineageDag.Tonnes(1)}}}", $"urn:trace:bench:top:{run}:{r}", 1))]);
        var submit = new List<double>();
        var readable = new List<double>();
        for (var r = 0; r < repeats; r++)
        {
            await evidence.SubmitRecordAsync(outputs[r]);
            var clock = Stopwatch.StartNew();
            await evidence.SubmitRecordAsync(transformations[r]);
            submit.Add(clock.Elapsed.TotalMilliseconds);
            await lineage.GetFootprintAsync(new GetFootprintRequest { BatchId = $"urn:trace:bench:top:{run}:{r}" });
            readable.Add(clock.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"add one transformation on top of {upstream,6:N0} upstream batches (depth {d}): SubmitRecord p50 {Percentile(submit, 50):F2} ms " +
            $"(min {submit.Min():F2}, max {submit.Max():F2}), until its output's footprint is read p50 {Percentile(readable, 50):F2} ms, {repeats} times");
    }

    private static async Task TimeAsync(BenchNode node, string what, int count, Func<int, Task> call)
    {
        for (var i = 0; i < Math.Min(20, count); i++) await call(i); // warm-up (JIT, connection, caches)
        var times = new List<double>(count);
        var cpu = node.Api.CpuTime();
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            await call(i);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        cpu = node.Api.CpuTime() - cpu;
        Console.WriteLine($"{what}: p50 {Percentile(times, 50):F2} ms, p99 {Percentile(times, 99):F2} ms, max {times.Max():F2} ms ({count} calls, one at a time), " +
            $"server CPU {cpu.TotalMilliseconds / count:F2} ms/call");
    }

    private static double Percentile(List<double> values, int p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1)];
    }
}
