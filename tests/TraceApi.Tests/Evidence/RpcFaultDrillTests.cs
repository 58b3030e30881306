using System.Collections.Concurrent;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Trace.Api.Tests.Support;
using Trace.Chain.Contracts;
using Trace.Chain.Rpc;
using Trace.Client.Access;
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
        await Task.WhenAll(signers.Select(signer => SubmitAsync(api.GrpcAddress, signer, 60, accepted)));
        var evidence = new EvidenceService.EvidenceServiceClient(api.Channel);
        foreach (var id in accepted.Keys) await evidence.WaitForStatusAsync(id, RecordStatus.Confirmed, TimeSpan.FromMinutes(3));
        proxy.Faulty = false;
        output.WriteLine($"proxy: {proxy.Forwarded} forwarded, {proxy.Errors} answered 503, {proxy.Delays} delayed, {proxy.DropsBefore} dropped before and {proxy.DropsAfter} after the node; submissions answered UNAVAILABLE and retried: {_unavailable}");
        Assert.True(proxy.Errors > 0 && proxy.Delays > 0 && proxy.DropsBefore > 0 && proxy.DropsAfter > 0, "every kind of fault was injected");

        var all = new List<EvidenceRecord>();
        var page = new ListRecordsResponse { NextPageToken = "" };
        do
        {
            page = await evidence.ListRecordsAsync(new ListRecordsRequest { PageSize = 500, PageToken = page.NextPageToken });
            all.AddRange(page.Records);
        } while (page.NextPageToken != "");
        Assert.Equal(accepted.Count, all.Count);
        Assert.Equal(all.Count, all.Select(r => r.Id).Distinct().Count());
        Assert.All(all, r => Assert.Equal(RecordStatus.Confirmed, r.Status));

        var logs = await eth.GetLogsAsync(new LogFilter(0, await eth.BlockNumberAsync(), [registry], [ContractDefinition.Topic0<Trace.Chain.Contracts.Dtos.Evidence.BatchAnchoredEvent>()]));
        var anchoredRoots = logs.Select(l => Convert.ToHexString(l.Topics[1])).ToList();
        Assert.Equal(anchoredRoots.Count, anchoredRoots.Distinct().Count());
        Assert.Subset(anchoredRoots.ToHashSet(), all.Select(r => Convert.ToHexString(r.Anchor.MerkleRoot.Span)).ToHashSet());
        foreach (var record in all.Take(30))
            Assert.Equal(VerificationStatus.Verified, (await evidence.VerifyAsync(new VerifyRequest { RecordId = record.Id })).Result.Status);
    }

    private static int _unavailable;

    private static async Task SubmitAsync(Uri address, ClaimSigner signer, int count, ConcurrentDictionary<string, byte> accepted)
    {
        using var channel = GrpcChannel.ForAddress(address);
        var client = new EvidenceService.EvidenceServiceClient(channel.Intercept(new AccessTokenInterceptor(new KeyAccessTokenProvider(channel.CreateCallInvoker(), signer.Key))));
        for (var i = 0; i < count; i++)
        {
            var subject = $"urn:trace:rpcfault:{signer.Address}:{i}";
            var request = signer.StructuredRecord(subject, RecordKind.Batch, LineageBodies.Batch(subject));
            // UNAVAILABLE ("retry later") is the node's documented answer while its chain does not answer; a client
            // retries the same signed record, which the node accepts once.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var response = await client.SubmitRecordAsync(request);
                    accepted.TryAdd(response.Record.Id, 0);
                    break;
                }
                catch (Grpc.Core.RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.Unavailable && attempt < 30)
                {
                    Interlocked.Increment(ref _unavailable);
                    await Task.Delay(200 * Math.Min(attempt, 10));
                }
            }
            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
