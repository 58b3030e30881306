using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Grpc.Net.Client;
using Trace.Api.Tests.Support;
using Trace.Chain.Accounts;
using Trace.Chain.Contracts.Registries;
using Trace.Chain.Rpc;
using Trace.Client.Claims;
using Trace.Crypto;
using Trace.Protos.V1;
using Xunit.Abstractions;

namespace Trace.Api.Tests.Evidence;

/// <summary>
/// The crash drill: SIGKILL the API at random points of the pipeline under load, ten times, restart it on the
/// same data directory, and show that every accepted record ends CONFIRMED exactly once and no root is anchored twice.
/// </summary>
public sealed class CrashDrillTests(ITestOutputHelper output) : IDisposable
{
    // A restart replays the journal and reconciles with the chain before reporting SERVING; on a loaded CI machine that
    // has taken over a minute, and how fast it starts is not what this drill proves.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "trace-drill-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Killing_the_api_ten_times_under_load_loses_no_record_and_anchors_no_root_twice()
    {
        var settings = new Dictionary<string, string>(EvidenceNodeFixture.Settings)
        {
            ["Trace:Anchoring:MaxBatchDelayMilliseconds"] = "50",
            ["Trace:Anchoring:MaxBatchSize"] = "32",
            ["Chain:Confirmations"] = "1",
        };
        var api = await TraceApiProcess.StartAsync(_dataDirectory, settings, StartTimeout);
        var node = await new NodeService.NodeServiceClient(api.Channel).GetNodeInfoAsync(new GetNodeInfoRequest());
        var registry = EthereumAddress.Parse(node.Contracts["EvidenceRegistry"]);
        var signers = Enumerable.Range(0, 4).Select(_ => new ClaimSigner(EthereumKey.Generate(), node.ChainId, registry)).ToArray();
        await RegisterAsync(node, signers);

        var accepted = new ConcurrentDictionary<string, byte>();
        var random = new Random(20261123);
        for (var round = 0; round < 10; round++)
        {
            using var load = new CancellationTokenSource();
            var clients = signers.Select(signer => SubmitUntilCancelledAsync(api.GrpcAddress, signer, accepted, load.Token)).ToArray();
            await Task.Delay(random.Next(400, 2500));
            await api.SignalAndWaitAsync(9);
            load.Cancel();
            await Task.WhenAll(clients);
            await api.DisposeAsync();
            output.WriteLine($"round {round + 1}: killed; {accepted.Count} records accepted so far");
            api = await TraceApiProcess.StartAsync(_dataDirectory, settings, StartTimeout);
        }

        await using (api)
        {
            var evidence = new EvidenceService.EvidenceServiceClient(api.Channel);
            foreach (var id in accepted.Keys) await evidence.WaitForStatusAsync(id, RecordStatus.Confirmed, TimeSpan.FromSeconds(120));

            // Every record the node holds (including ones whose response the killed node never sent) is CONFIRMED, once,
            // and each root the records point to was anchored by exactly one BatchAnchored event.
            using var rpc = new JsonRpcClient(new Uri((await new NodeService.NodeServiceClient(api.Channel).GetNodeInfoAsync(new GetNodeInfoRequest())).RpcUrl));
            var (all, anchoredRoots) = await DrillLedger.AssertConfirmedOnceAsync(evidence, accepted.Keys, new EthRpc(rpc), registry);

            foreach (var record in all.Take(200))
                Assert.Equal(VerificationStatus.Verified, (await evidence.VerifyAsync(new VerifyRequest { RecordId = record.Id })).Result.Status);
            output.WriteLine($"{accepted.Count} records accepted by clients, {all.Count} held by the node, {anchoredRoots.Count} roots anchored, all CONFIRMED");

            // The audit against the blob store's journal and the chain: every acknowledged record has its envelope and
            // its row. A kill may leave only what precedes an acknowledgement (docs/rebuild.md, crash windows): an
            // envelope whose row never committed, or content whose envelope never did; never a finding on an
            // acknowledged record, a state or a batch.
            var (findings, summary) = await Trace.Api.Tests.Rebuild.AuditDrillTests.AuditAsync(api.Channel);
            Assert.All(findings, f => Assert.Contains(f.Kind, new[] { AuditFindingKind.RowMissing, AuditFindingKind.BlobUnreferenced }));
            Assert.Empty(findings.Select(f => f.RecordId).Intersect(accepted.Keys));
            output.WriteLine($"audit: {summary.Records} records, {summary.Batches} batches, {summary.RpcCalls} RPC calls; " +
                             $"{findings.Count(f => f.Kind == AuditFindingKind.RowMissing)} unacknowledged envelopes without rows, " +
                             $"{findings.Count(f => f.Kind == AuditFindingKind.BlobUnreferenced)} unacknowledged content blobs");
        }
    }

    /// <summary>Registers each signer as a supplier of its own, sent by the registry admin (Anvil dev key 0) through the node's RPC URL.</summary>
    internal static async Task RegisterAsync(GetNodeInfoResponse node, ClaimSigner[] signers)
    {
        using var rpc = new JsonRpcClient(new Uri(node.RpcUrl));
        var eth = new EthRpc(rpc);
        using var admin = EthereumKey.FromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
        var participants = ParticipantRegistryClient.Connect(EthereumAddress.Parse(node.Contracts["ParticipantRegistry"]), eth, new TransactionSender(eth, admin, node.ChainId));
        foreach (var signer in signers)
            await participants.RegisterParticipantAsync(EvidenceNodeFixture.ParticipantId(signer.Address), "urn:trace:test", new byte[32], ParticipantRoles.Supplier, [signer.Address]);
    }

    private static async Task SubmitUntilCancelledAsync(Uri address, ClaimSigner signer, ConcurrentDictionary<string, byte> accepted, CancellationToken ct)
    {
        using var channel = GrpcChannel.ForAddress(address);
        var client = new EvidenceService.EvidenceServiceClient(SignedInChannel.As(channel, signer.Key));
        var i = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (i++ % 5 == 0)
                {
                    var content = Encoding.UTF8.GetBytes($"drill document {Guid.NewGuid()}");
                    var signed = signer.Sign(SHA256.HashData(content), RecordKind.TransportRecord, "urn:trace:drill");
                    var response = await client.UploadAsync(new SubmitDocumentHeader { SignedClaim = signed, SubjectId = "urn:trace:drill", MediaType = "text/plain" }, content);
                    accepted.TryAdd(response.Record.Id, 0);
                }
                else
                {
                    var response = await client.SubmitRecordAsync(signer.StructuredRecord($"urn:trace:drill:{i}", RecordKind.Batch, LineageBodies.Batch($"urn:trace:drill:{i}")), cancellationToken: ct);
                    accepted.TryAdd(response.Record.Id, 0);
                }
            }
            catch (Grpc.Core.RpcException) { return; } // the node died under us: only acknowledged records count as accepted
            catch (OperationCanceledException) { return; }
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
