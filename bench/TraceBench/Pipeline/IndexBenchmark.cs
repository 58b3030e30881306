using System.Diagnostics;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Trace.Chain.Accounts;
using Trace.Chain.Contracts.Registries;
using Trace.Client.Access;
using Trace.Crypto;
using Trace.Protos.V1;

namespace Trace.Bench.Pipeline;

/// <summary>
/// <c>index [records] [clients]</c> (also <c>audit</c>, <c>rebuild</c>): fills an embedded node with structured records
/// through SubmitRecords streams until every one is CONFIRMED, then times AuditIndex (wall time, RPC calls, findings)
/// and RebuildIndex (a fresh index beside the live one) over them. docs/rebuild.md.
/// </summary>
internal static class IndexBenchmark
{
    public static async Task RunAsync(string mode, string[] args)
    {
        var records = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        var clients = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 8;
        var data = Path.Combine(Path.GetTempPath(), "trace-bench-index-" + Guid.NewGuid().ToString("N")[..8]);
        var settings = new Dictionary<string, string>
        {
            ["Trace:Anchoring:MaxBatchSize"] = "4096",
            ["Trace:Anchoring:MaxBatchDelayMilliseconds"] = "500",
            ["Trace:Evidence:IssuerCacheDuration"] = "00:01:00",
            ["Chain:Confirmations"] = "1",
        };
        await using var node = await BenchNode.StartAsync(data, settings);
        var keys = Enumerable.Range(0, clients).Select(_ => EthereumKey.Generate()).ToArray();
        await node.RegisterAsync(keys.Select(k => k.Address), ParticipantRoles.Supplier);
        Console.WriteLine($"filling the node with {records:N0} records ({clients} SubmitRecords streams)...");
        using var channel = GrpcChannel.ForAddress(node.Api.GrpcAddress);
        var fill = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = Enumerable.Range(0, records).Where(i => i % clients == c).ToArray();
            var signed = node.SignerFor(keys[c]).StructuredRecords(mine.Select(i => BenchNode.Draft($"urn:trace:index:{i}", i)).ToArray());
            var client = new EvidenceService.EvidenceServiceClient(node.Authorized(channel));
            using var call = client.SubmitRecords();
            var reading = Task.Run(async () =>
            {
                while (await call.ResponseStream.MoveNext(CancellationToken.None))
                    if (call.ResponseStream.Current.ResultCase != SubmitRecordsResponse.ResultOneofCase.Accepted)
                        throw new InvalidOperationException($"record refused: {call.ResponseStream.Current.Refused}");
            });
            foreach (var request in signed) await call.RequestStream.WriteAsync(request);
            await call.RequestStream.CompleteAsync();
            await reading;
        })));
        var evidence = new EvidenceService.EvidenceServiceClient(node.Authorized(channel));
        while ((await evidence.ListRecordsAsync(new ListRecordsRequest { Status = RecordStatus.Pending, PageSize = 1 })).Records.Count > 0
               || (await evidence.ListRecordsAsync(new ListRecordsRequest { Status = RecordStatus.Anchored, PageSize = 1 })).Records.Count > 0)
            await Task.Delay(200);
        Console.WriteLine($"all {records:N0} records CONFIRMED after {fill.Elapsed.TotalSeconds:F1} s; load average {LoadAverage()}");

        if (mode is "index" or "audit")
        {
            var cpu = node.Api.CpuTime();
            var clock = Stopwatch.StartNew();
            using var call = new AuditService.AuditServiceClient(channel).AuditIndex(new AuditIndexRequest());
            AuditSummary? summary = null;
            var findings = 0;
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                if (call.ResponseStream.Current.ItemCase == AuditIndexResponse.ItemOneofCase.Summary) summary = call.ResponseStream.Current.Summary;
                else findings++;
            }
            var elapsed = clock.Elapsed;
            cpu = node.Api.CpuTime() - cpu;
            Console.WriteLine($"audit: {summary!.Records:N0} records, {summary.Batches} batches, {summary.Blobs:N0} blobs in {elapsed.TotalSeconds:F1} s " +
                              $"(server {summary.ElapsedMs / 1000.0:F1} s, CPU {cpu.TotalSeconds:F1} s), {summary.RpcCalls} RPC calls, {findings} findings; load average {LoadAverage()}");
        }
        if (mode is "index" or "rebuild")
        {
            using var admin = EthereumKey.FromHex(BenchNode.AdminKey);
            var asAdmin = channel.Intercept(new AccessTokenInterceptor(new KeyAccessTokenProvider(channel.CreateCallInvoker(), admin)));
            var cpu = node.Api.CpuTime();
            var clock = Stopwatch.StartNew();
            var rebuilt = await new IndexAdminService.IndexAdminServiceClient(asAdmin).RebuildIndexAsync(new RebuildIndexRequest(), deadline: DateTime.UtcNow.AddMinutes(30));
            cpu = node.Api.CpuTime() - cpu;
            Console.WriteLine($"rebuild: {rebuilt.Records:N0} records, {rebuilt.Batches} batches ({rebuilt.AnchoredBatches} anchored) in {clock.Elapsed.TotalSeconds:F1} s " +
                              $"(server {rebuilt.ElapsedMs / 1000.0:F1} s, CPU {cpu.TotalSeconds:F1} s), {rebuilt.RpcCalls} RPC calls, {rebuilt.Problems.Count} problems; load average {LoadAverage()}");
        }
        try { Directory.Delete(data, true); } catch (IOException) { }
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
