using System.Numerics;
using Trace.Api.Tests.Support;
using Trace.Chain.Accounts;
using Trace.Chain.Contracts.Registries;
using Trace.Chain.Rpc;
using Trace.Client.Claims;
using Trace.Crypto;
using Trace.Protos.V1;
using Xunit.Abstractions;

namespace Trace.Api.Tests.Assurance;

/// <summary>
/// Indexer drills on a node of their own (real Anvil, real SQLite, real gRPC): a reorganisation made with evm_snapshot /
/// evm_revert plus new blocks, and the API killed mid-stream and restarted on the same data. Flags and endorsements of
/// reverted blocks disappear, nothing is indexed twice and nothing is missed.
/// </summary>
public sealed class RegistryFollowerDrillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string AdminKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "trace-follower-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly EthereumKey _admin = EthereumKey.FromHex(AdminKey);
    private TraceApiProcess _api = null!;
    private GetNodeInfoResponse _node = null!;
    private JsonRpcClient _rpc = null!;

    private EthRpc Eth => new(_rpc);

    private EthereumAddress Registry => EthereumAddress.Parse(_node.Contracts["EvidenceRegistry"]);

    private EvidenceService.EvidenceServiceClient Evidence => new(_api.Channel);

    public async Task InitializeAsync() => await StartAsync();

    [Fact]
    public async Task A_reorganisation_undoes_the_flags_and_endorsements_of_reverted_blocks_and_the_new_chain_is_indexed_once()
    {
        var supplier = new ClaimSigner(EthereumKey.Generate(), _node.ChainId, Registry);
        _api.Tokens.Keyring.Add(supplier.Key);
        using var regulator = EthereumKey.Generate();
        using var verifier = EthereumKey.Generate();
        await RegisterAsync(supplier.Address, ParticipantRoles.Supplier);
        await RegisterAsync(regulator.Address, ParticipantRoles.Regulator);
        await RegisterAsync(verifier.Address, ParticipantRoles.Verifier);
        await FundAsync(regulator.Address);
        await FundAsync(verifier.Address);
        var report = await AssuranceActors.UploadConfirmedAsync(Evidence, supplier, $"urn:trace:drill:{Guid.NewGuid():N}");
        var record = (await Evidence.GetRecordAsync(new GetRecordRequest { RecordId = report })).Record;
        var (claim, root, proof) = AssuranceActors.OnChain(record);

        // Before the snapshot: a flag, sent on chain by the regulator itself, indexed once confirmed.
        await RegistryAs(regulator).FlagAsync(claim, root, proof, 3);
        await WaitForAsync(report, r => r.OpenFlags.Count == 1);

        // After it: the regulator closes its flag and the verifier endorses; both indexed ...
        var snapshot = (await _rpc.CallAsync("evm_snapshot", [])).GetString()!;
        await RegistryAs(regulator).UnflagAsync(Hex.Decode(report), 1);
        var reverted = await RegistryAs(verifier).EndorseAsync(claim, root, proof, 2);
        await WaitForAsync(report, r => r.OpenFlags.Count == 0 && r.Endorsements.Count == 1);

        // ... then the chain goes back to the snapshot and grows new blocks: the unflag and the endorsement never happened.
        Assert.True((await _rpc.CallAsync("evm_revert", [snapshot])).GetBoolean());
        var undone = await WaitForAsync(report, r => r.OpenFlags.Count == 1 && r.Endorsements.Count == 0);
        Assert.True(undone.Flagged);
        Assert.Equal(regulator.Address.ToString(), Assert.Single(undone.OpenFlags).FlaggedBy);
        Assert.Equal(VerificationStatus.Flagged, (await Evidence.VerifyAsync(new VerifyRequest { RecordId = report })).Result.Status);

        // The new chain's own endorsement is indexed once.
        var kept = await RegistryAs(verifier).EndorseAsync(claim, root, proof, 1);
        var after = await WaitForAsync(report, r => r.Endorsements.Count == 1);
        Assert.Equal(kept.Receipt.TransactionHash, Assert.Single(after.Endorsements).TxHash.ToByteArray());
        Assert.NotEqual(reverted.Receipt.TransactionHash, kept.Receipt.TransactionHash);

        var trail = await AssuranceActors.PollAsync(() => TrailAsync(new GetAuditTrailRequest { RecordId = report }), t => t.Any(e => e.Kind == AuditEventKind.RecordEndorsed));
        Assert.Equal([AuditEventKind.RecordFlagged, AuditEventKind.RecordEndorsed], trail.Select(e => e.Kind));
        Assert.Equal(kept.Receipt.TransactionHash, trail[1].TxHash.ToByteArray());
        await AssertNoDuplicatesAsync();
    }

    [Fact]
    public async Task A_follower_killed_mid_stream_resumes_from_its_cursor_without_duplicates_or_gaps()
    {
        var started = DateTimeOffset.UtcNow.AddSeconds(-5);
        var keys = Enumerable.Range(0, 8).Select(_ => EthereumKey.Generate()).ToList();
        foreach (var key in keys.Take(4)) await RegisterAsync(key.Address, ParticipantRoles.Buyer);

        // SIGKILL right after the fourth registration: its block is not Chain:Confirmations deep yet, so not indexed.
        await _api.SignalAndWaitAsync(9);
        await _api.DisposeAsync();
        _rpc.Dispose();
        await StartAsync();
        foreach (var key in keys.Skip(4)) await RegisterAsync(key.Address, ParticipantRoles.Buyer);

        var ids = keys.Select(k => Hex.Encode(Keccak256.Hash(k.Address.ToArray()))).ToHashSet();
        var registered = await AssuranceActors.PollAsync(
            () => TrailAsync(new GetAuditTrailRequest { Kinds = { AuditEventKind.ParticipantRegistered, AuditEventKind.KeyAdded }, From = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(started) }),
            t => t.Count(e => ids.Contains(e.ParticipantId)) >= 16, TimeSpan.FromSeconds(90));
        var ours = registered.Where(e => ids.Contains(e.ParticipantId)).ToList();
        Assert.Equal(8, ours.Count(e => e.Kind == AuditEventKind.ParticipantRegistered));
        Assert.Equal(8, ours.Count(e => e.Kind == AuditEventKind.KeyAdded));
        Assert.Equal(ids.Order(), ours.Where(e => e.Kind == AuditEventKind.ParticipantRegistered).Select(e => e.ParticipantId).Order());
        await AssertNoDuplicatesAsync();
        foreach (var key in keys) key.Dispose();
    }

    private async Task AssertNoDuplicatesAsync()
    {
        var all = await TrailAsync(new GetAuditTrailRequest { MaxEvents = 100_000 });
        Assert.Equal(all.Count, all.Select(e => (e.BlockNumber, e.LogIndex)).Distinct().Count());
        Assert.Equal(all.Count, all.Select(e => (Hex.Encode(e.TxHash.Span), e.LogIndex)).Distinct().Count());
        output.WriteLine($"{all.Count} registry events indexed, none twice");
    }

    private async Task<List<AuditTrailEvent>> TrailAsync(GetAuditTrailRequest request)
    {
        // The test reader holds every role, the regulator's included.
        using var call = new AssuranceService.AssuranceServiceClient(_api.Channel).GetAuditTrail(request);
        var events = new List<AuditTrailEvent>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None)) events.Add(call.ResponseStream.Current);
        return events;
    }

    private async Task<EvidenceRecord> WaitForAsync(string recordId, Func<EvidenceRecord, bool> done)
    {
        var record = await AssuranceActors.PollAsync(async () => (await Evidence.GetRecordAsync(new GetRecordRequest { RecordId = recordId })).Record, done, TimeSpan.FromSeconds(90));
        Assert.True(done(record), $"record {recordId}: flags {record.OpenFlags.Count}, endorsements {record.Endorsements.Count}");
        return record;
    }

    private EvidenceRegistryClient RegistryAs(EthereumKey key) => EvidenceRegistryClient.Connect(Registry, Eth, new TransactionSender(Eth, key, _node.ChainId));

    private Task RegisterAsync(EthereumAddress key, ParticipantRoles roles) =>
        ParticipantRegistryClient.Connect(EthereumAddress.Parse(_node.Contracts["ParticipantRegistry"]), Eth, new TransactionSender(Eth, _admin, _node.ChainId))
            .RegisterParticipantAsync(Keccak256.Hash(key.ToArray()), "urn:trace:test", new byte[32], roles, [key]);

    private Task FundAsync(EthereumAddress to) => new TransactionSender(Eth, _admin, _node.ChainId).SendAndWaitAsync(new TransactionRequest(to, [], BigInteger.Pow(10, 18)));

    private async Task StartAsync()
    {
        _api = await TraceApiProcess.StartAsync(_dataDirectory, EvidenceNodeFixture.Settings, StartTimeout);
        _node = await new NodeService.NodeServiceClient(_api.Channel).GetNodeInfoAsync(new GetNodeInfoRequest());
        _rpc = new JsonRpcClient(new Uri(_node.RpcUrl));
    }

    public async Task DisposeAsync()
    {
        _rpc?.Dispose();
        _admin.Dispose();
        if (_api is not null) await _api.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
