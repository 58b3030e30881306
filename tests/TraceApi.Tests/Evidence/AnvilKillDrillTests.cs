using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Grpc.Health.V1;
using Trace.Api.Tests.Support;
using Trace.Chain.Rpc;
using Trace.Client.Claims;
using Trace.Crypto;
using Trace.Protos.V1;
using Xunit.Abstractions;

namespace Trace.Api.Tests.Evidence;

/// <summary>
/// The embedded-chain drill: SIGKILL the managed Anvil three times while suppliers submit; the node restarts it on the
/// same port from its saved state and carries on (blocks mined after the last state dump are gone, as in a reorg), and
/// every accepted record still ends CONFIRMED exactly once with no root anchored twice.
/// </summary>
public sealed class AnvilKillDrillTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "trace-anvilkill-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Killing_the_embedded_anvil_under_load_restarts_it_from_its_saved_state_and_loses_no_record()
    {
        var settings = new Dictionary<string, string>(EvidenceNodeFixture.Settings)
        {
            ["Trace:Anchoring:MaxBatchDelayMilliseconds"] = "100",
            ["Trace:Anchoring:MaxBatchSize"] = "16",
            ["Chain:Confirmations"] = "1",
        };
        await using var api = await TraceApiProcess.StartAsync(_dataDirectory, settings, TimeSpan.FromMinutes(3));
        var node = await new NodeService.NodeServiceClient(api.Channel).GetNodeInfoAsync(new GetNodeInfoRequest());
        var registry = EthereumAddress.Parse(node.Contracts["EvidenceRegistry"]);
        var signers = Enumerable.Range(0, 3).Select(_ => new ClaimSigner(EthereumKey.Generate(), node.ChainId, registry)).ToArray();
        await CrashDrillTests.RegisterAsync(node, signers);
        // Anvil dumps its state every 5 s (AnvilOptions.StateIntervalSeconds): let one dump hold the registrations, so
        // what a kill takes back is only records' anchoring, which the node redoes.
        await Task.Delay(TimeSpan.FromSeconds(7));

        var accepted = new ConcurrentDictionary<string, byte>();
        var random = new Random(20261203);
        var restarts = 0;
        var retried = 0;
        using (var load = new CancellationTokenSource())
        {
            var clients = signers.Select(signer => DrillLedger.SubmitAsync(api.GrpcAddress, signer, "urn:trace:anvilkill", accepted, load.Token,
                retryOn: [StatusCode.Unavailable, StatusCode.DeadlineExceeded])).ToArray();
            for (var round = 0; round < 3; round++)
            {
                await Task.Delay(random.Next(1500, 4000));
                var killed = Assert.Single(ProcessProbe.AnvilProcessesMentioning(_dataDirectory));
                using (var anvil = Process.GetProcessById(killed)) anvil.Kill(); // SIGKILL: no state dump on the way out
                var back = await ServingWithNewAnvilAsync(api, killed, TimeSpan.FromSeconds(60));
                restarts++;
                output.WriteLine($"round {round + 1}: killed anvil {killed}; restarted as {back}; {accepted.Count} records accepted so far");
            }
            await Task.Delay(2000);
            load.Cancel();
            retried = (await Task.WhenAll(clients)).Sum();
        }
        Assert.False(api.HasExited, "the node kept running through its chain's deaths");
        Assert.Equal(3, restarts);
        Assert.True(accepted.Count > 20, $"only {accepted.Count} records were accepted under load");

        var evidence = new EvidenceService.EvidenceServiceClient(api.Channel);
        try
        {
            foreach (var id in accepted.Keys) await evidence.WaitForStatusAsync(id, RecordStatus.Confirmed, TimeSpan.FromMinutes(3));
        }
        catch (TimeoutException)
        {
            output.WriteLine(api.Output.Length > 30000 ? api.Output[^30000..] : api.Output);
            using var http = new HttpClient();
            foreach (var (method, args) in new[] { ("txpool_inspect", "[]"), ("eth_getTransactionCount", "[\"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266\",\"latest\"]"),
                         ("eth_getTransactionCount", "[\"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266\",\"pending\"]"), ("eth_blockNumber", "[]") })
            {
                var answer = await http.PostAsync(node.RpcUrl, new StringContent($"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"{method}\",\"params\":{args}}}", System.Text.Encoding.UTF8, "application/json"));
                output.WriteLine($"DIAG {method}: {await answer.Content.ReadAsStringAsync()}");
            }
            foreach (var id in accepted.Keys)
            {
                var r = (await evidence.GetRecordAsync(new GetRecordRequest { RecordId = id })).Record;
                if (r.Status != RecordStatus.Confirmed) output.WriteLine($"DIAG record {id} {r.Status} anchor {r.Anchor}");
            }
            throw;
        }
        using var rpc = new JsonRpcClient(new Uri(node.RpcUrl)); // the same URL before and after every restart
        var (all, anchoredRoots) = await DrillLedger.AssertConfirmedOnceAsync(evidence, accepted.Keys, new EthRpc(rpc), registry);
        foreach (var record in all.Take(50))
            Assert.Equal(VerificationStatus.Verified, (await evidence.VerifyAsync(new VerifyRequest { RecordId = record.Id })).Result.Status);
        Assert.Contains("restarting it on the same port from its saved state", api.Output, StringComparison.Ordinal);
        output.WriteLine($"{accepted.Count} records accepted, {all.Count} held, {anchoredRoots.Count} roots anchored once each, all CONFIRMED; submissions retried after UNAVAILABLE: {retried}");
    }

    /// <summary>Waits until a different anvil runs on the data directory and the node reports SERVING again; returns its pid.</summary>
    private static async Task<int> ServingWithNewAnvilAsync(TraceApiProcess api, int killed, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var running = ProcessProbe.AnvilProcessesMentioning(api.DataDirectory).Where(pid => pid != killed).ToList();
            try
            {
                if (running.Count == 1 && await api.HealthAsync() == HealthCheckResponse.Types.ServingStatus.Serving) return running[0];
            }
            catch (Grpc.Core.RpcException) { } // busy: ask again
            if (clock.Elapsed > timeout) throw new TimeoutException($"no new anvil serving within {timeout}:\n{api.Output[^Math.Min(api.Output.Length, 4000)..]}");
            await Task.Delay(200);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
