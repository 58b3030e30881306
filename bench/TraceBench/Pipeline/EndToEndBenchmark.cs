using System.Diagnostics;
using System.Numerics;
using System.Security.Cryptography;
using Grpc.Net.Client;
using Trace.Chain.Accounts;
using Trace.Chain.Contracts;
using Trace.Chain.Contracts.Registries;
using Trace.Chain.Rpc;
using Trace.Crypto;
using Trace.Protos.V1;

namespace Trace.Bench.Pipeline;

/// <summary>
/// <c>e2e [records] [clients] [unary|stream]</c>: end-to-end records/s through gRPC into an embedded node until every record is
/// CONFIRMED, gas per record of the batches it anchored, and the baseline of one anchoring transaction per record.
/// </summary>
internal static class EndToEndBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var records = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
        var clients = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 16;
        var streaming = args.Length > 2 && args[2] == "stream";
        var data = Path.Combine(Path.GetTempPath(), "trace-bench-" + Guid.NewGuid().ToString("N")[..8]);
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

        Console.WriteLine($"signing {records:N0} structured records for {clients} clients (client-side work, not timed)...");
        // Client c signs records c, c + clients, ... in bulk with the client library, as a supplier's uploader would.
        var requests = new SubmitRecordRequest[records];
        for (var c = 0; c < clients; c++)
        {
            var mine = Enumerable.Range(0, records).Where(i => i % clients == c).ToArray();
            var signed = node.SignerFor(keys[c]).StructuredRecords(mine.Select(i => BenchNode.Draft($"urn:trace:meter:{i}", i)).ToArray());
            for (var k = 0; k < mine.Length; k++) requests[mine[k]] = signed[k];
        }
        var channels = Enumerable.Range(0, Math.Min(clients, 4)).Select(_ => GrpcChannel.ForAddress(node.Api.GrpcAddress)).ToArray();

        var serverCpu = node.Api.CpuTime();
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var next = -1;
        var done = 0;
        var halfway = TimeSpan.Zero;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var client = new EvidenceService.EvidenceServiceClient(node.Authorized(channels[c % channels.Length]));
            if (streaming)
            {
                // One SubmitRecords stream per client: write this client's share, read the answers as they come.
                using var call = client.SubmitRecords();
                var reading = Task.Run(async () =>
                {
                    while (await call.ResponseStream.MoveNext(CancellationToken.None))
                    {
                        if (call.ResponseStream.Current.ResultCase != SubmitRecordsResponse.ResultOneofCase.Accepted)
                            throw new InvalidOperationException($"record refused: {call.ResponseStream.Current.Refused}");
                        if (Interlocked.Increment(ref done) == records / 2) halfway = clock.Elapsed;
                    }
                });
                for (var i = c; i < records; i += clients) await call.RequestStream.WriteAsync(requests[i]);
                await call.RequestStream.CompleteAsync();
                await reading;
                return;
            }
            int next1;
            while ((next1 = Interlocked.Increment(ref next)) < records)
            {
                await client.SubmitRecordAsync(requests[next1]);
                if (Interlocked.Increment(ref done) == records / 2) halfway = clock.Elapsed;
            }
        })));
        var accepted = clock.Elapsed;
        serverCpu = node.Api.CpuTime() - serverCpu;
        clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientCpu;
        Console.WriteLine($"accepted {records:N0} records in {accepted.TotalSeconds:F2} s = {records / accepted.TotalSeconds:N0} records/s ({(streaming ? "gRPC SubmitRecords streams" : "gRPC SubmitRecord calls")}, {clients} clients); second half alone {records / 2 / (accepted - halfway).TotalSeconds:N0} records/s");
        Console.WriteLine($"CPU while accepting: server {serverCpu.TotalSeconds:F1} s = {serverCpu.TotalMicroseconds / records:N0} µs/record, benchmark clients {clientCpu.TotalSeconds:F1} s = {clientCpu.TotalMicroseconds / records:N0} µs/record (same 2 cores)");
        var evidence = new EvidenceService.EvidenceServiceClient(channels[0]);
        var nodeService = new NodeService.NodeServiceClient(channels[0]);
        while (true)
        {
            try
            {
                var info = await nodeService.GetNodeInfoAsync(new GetNodeInfoRequest());
                var confirmed = await evidence.ListRecordsAsync(new ListRecordsRequest { Status = RecordStatus.Pending, PageSize = 1 });
                var anchoredLeft = await evidence.ListRecordsAsync(new ListRecordsRequest { Status = RecordStatus.Anchored, PageSize = 1 });
                if (info.PendingRecords == 0 && confirmed.Records.Count == 0 && anchoredLeft.Records.Count == 0) break;
            }
            catch (Grpc.Core.RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.Unavailable)
            {
                // Transient by contract (a busy index, the chain briefly unreachable): a client retries. Counted, so a run shows it.
                Console.WriteLine($"UNAVAILABLE while polling: {e.Status.Detail}; retrying");
            }
            await Task.Delay(50);
        }
        var allConfirmed = clock.Elapsed;
        Console.WriteLine($"all CONFIRMED after {allConfirmed.TotalSeconds:F2} s = {records / allConfirmed.TotalSeconds:N0} records/s end to end");

        // Gas per record of the batches this run anchored.
        var eth = node.Eth;
        var logs = await eth.GetLogsAsync(new LogFilter(0, await eth.BlockNumberAsync(), [node.Registry], [ContractDefinition.Topic0<Trace.Chain.Contracts.Dtos.Evidence.BatchAnchoredEvent>()]));
        ulong gas = 0; var leaves = 0;
        foreach (var log in logs)
        {
            var receipt = (await eth.GetTransactionReceiptAsync(log.TransactionHash))!;
            var count = (int)RegistryDefinitions.EvidenceRegistry.DecodeEvent(log)!.As<Trace.Chain.Contracts.Dtos.Evidence.BatchAnchoredEvent>().Count;
            gas += receipt.GasUsed; leaves += count;
            Console.WriteLine($"  batch of {count,5} records: {receipt.GasUsed,7:N0} gas = {(double)receipt.GasUsed / count,9:N1} gas/record");
        }
        Console.WriteLine($"{logs.Count} batches, {leaves:N0} records, {gas:N0} gas in all = {(double)gas / leaves:N1} gas/record");

        await OneTransactionPerRecordAsync(node, Math.Min(records, 500));
        foreach (var channel in channels) channel.Dispose();
        try { Directory.Delete(data, true); } catch (IOException) { }
    }

    /// <summary>The naive design: one anchorBatch transaction per record, sent as fast as one key can.</summary>
    private static async Task OneTransactionPerRecordAsync(BenchNode node, int records)
    {
        using var key = EthereumKey.Generate();
        using (var admin = EthereumKey.FromHex(BenchNode.AdminKey))
        {
            var fund = new TransactionSender(node.Eth, admin, node.Info.ChainId);
            await fund.SendAndWaitAsync(new TransactionRequest(key.Address, [], BigInteger.Pow(10, 20)));
        }
        await node.RegisterAsync([key.Address], ParticipantRoles.Operator);
        var sender = new TransactionSender(node.Eth, key, node.Info.ChainId);
        var registry = EvidenceRegistryClient.Connect(node.Registry, node.Eth, sender);
        var serverCpu = node.Api.CpuTime();
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var next = -1;
        ulong gas = 0;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < records)
            {
                var receipt = await registry.AnchorBatchAsync(RandomNumberGenerator.GetBytes(32), 1);
                Interlocked.Add(ref gas, receipt.Receipt.GasUsed);
            }
        })));
        Console.WriteLine($"baseline, one anchorBatch transaction per record: {records} records mined in {clock.Elapsed.TotalSeconds:F2} s = {records / clock.Elapsed.TotalSeconds:N0} records/s, {gas / (ulong)records:N0} gas/record");
    }
}
