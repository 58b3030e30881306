using System.Collections.Concurrent;
using Trace.Api.Tests.Support;
using Trace.Chain.Rpc;
using Trace.Client.Claims;
using Trace.Crypto;
using Trace.Node.LocalChain;
using Trace.Protos.V1;
using Xunit.Abstractions;

namespace Trace.Api.Tests.Evidence;

/// <summary>
/// The flaky-provider drill: Trace on an external chain reached through a proxy that answers 503, delays, and drops
/// requests before and after the node executed them, while records are submitted; every accepted record still ends
/// CONFIRMED exactly once and no root is anchored twice.
/// </summary>
public sealed class RpcFaultDrillTests(ITestOutputHelper output) : IDisposable
{
    private const string DevKey0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "trace-rpcfault-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task A_provider_that_errors_delays_and_drops_requests_loses_no_record_and_anchors_no_root_twice()
    {
        await using var anvil = new AnvilManager(new AnvilOptions { ChainId = 31337 });
        await anvil.StartAsync();
        await using var proxy = FaultyRpcProxy.Start(anvil.RpcUrl, seed: 20261203);
        var settings = new Dictionary<string, string>(EvidenceNodeFixture.Settings)
        {
            ["Chain:RpcUrl"] = proxy.Url.ToString(),
            ["Chain:ChainId"] = "31337",
            ["Chain:OperatorKey"] = DevKey0,
            ["Chain:Confirmations"] = "1",
            ["Trace:Anchoring:MaxBatchDelayMilliseconds"] = "100",
            ["Trace:Anchoring:MaxBatchSize"] = "16",
            ["Rpc:RequestTimeout"] = "00:00:05",
        };
        await using var api = await TraceApiProcess.StartAsync(_dataDirectory, settings, TimeSpan.FromMinutes(3));
        var node = await new NodeService.NodeServiceClient(api.Channel).GetNodeInfoAsync(new GetNodeInfoRequest());
        var registry = EthereumAddress.Parse(node.Contracts["EvidenceRegistry"]);
        var signers = Enumerable.Range(0, 3).Select(_ => new ClaimSigner(EthereumKey.Generate(), node.ChainId, registry)).ToArray();
        using var rpc = new JsonRpcClient(anvil.RpcUrl); // the test itself talks to the chain directly
        var eth = new EthRpc(rpc);
        await CrashDrillTests.RegisterAsync(node, signers); // through the proxy, still faultless

        proxy.Faulty = true;
        var accepted = new ConcurrentDictionary<string, byte>();
        var retried = (await Task.WhenAll(signers.Select(signer => DrillLedger.SubmitAsync(api.GrpcAddress, signer, "urn:trace:rpcfault", accepted, CancellationToken.None,
            count: 60, maxAttempts: 30, retryDelay: attempt => TimeSpan.FromMilliseconds(200 * Math.Min(attempt, 10)), pause: TimeSpan.FromMilliseconds(50))))).Sum();
        var evidence = new EvidenceService.EvidenceServiceClient(api.Channel);
        foreach (var id in accepted.Keys) await evidence.WaitForStatusAsync(id, RecordStatus.Confirmed, TimeSpan.FromMinutes(3));
        proxy.Faulty = false;
        output.WriteLine($"proxy: {proxy.Forwarded} forwarded, {proxy.Errors} answered 503, {proxy.Delays} delayed, {proxy.DropsBefore} dropped before and {proxy.DropsAfter} after the node; submissions answered UNAVAILABLE and retried: {retried}");
        Assert.True(proxy.Errors > 0 && proxy.Delays > 0 && proxy.DropsBefore > 0 && proxy.DropsAfter > 0, "every kind of fault was injected");

        var (all, _) = await DrillLedger.AssertConfirmedOnceAsync(evidence, accepted.Keys, eth, registry);
        Assert.Equal(accepted.Count, all.Count);
        foreach (var record in all.Take(30))
            Assert.Equal(VerificationStatus.Verified, (await evidence.VerifyAsync(new VerifyRequest { RecordId = record.Id })).Result.Status);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
