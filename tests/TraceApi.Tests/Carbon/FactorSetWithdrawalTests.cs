using System.Numerics;
using Google.Protobuf;
using Trace.Api.Tests.Evidence;
using Trace.Api.Tests.Support;
using Trace.Chain.Contracts.Registries;
using Trace.Chain.Rpc;
using Trace.Crypto;
using Trace.Crypto.Eip712;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Carbon;

/// <summary>The embedded node's factor-set record is signed by the documented derived key, and revoking it shows as WITHDRAWN.</summary>
public sealed class FactorSetWithdrawalTests : IDisposable
{
    private const string EmbeddedOperatorKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "trace-factor-withdrawal-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task The_set_is_signed_by_the_key_derived_from_the_operator_key_and_a_revocation_shows_as_withdrawn()
    {
        await using var api = await TraceApiProcess.StartAsync(_data, EvidenceNodeFixture.Settings);
        var factors = new EmissionFactorService.EmissionFactorServiceClient(api.Channel);
        var evidence = new EvidenceService.EvidenceServiceClient(api.Channel);
        var node = await new NodeService.NodeServiceClient(api.Channel).GetNodeInfoAsync(new GetNodeInfoRequest());
        var set = await EmissionFactorTests.WaitForRecordAsync(factors, TimeSpan.FromSeconds(90));
        var record = await evidence.WaitForStatusAsync(set.RecordId, RecordStatus.Confirmed);

        // docs/emission-factors.md: keccak256("trace/transport-factor-signing-key/v1" ‖ operator key).
        using var publisher = EthereumKey.FromPrivateKey(Keccak256.Hash([.. "trace/transport-factor-signing-key/v1"u8, .. Hex.Decode(EmbeddedOperatorKey)]));
        Assert.Equal(publisher.Address.ToString(), record.SignedClaim.Claim.Issuer);

        var registry = EthereumAddress.Parse(node.Contracts["EvidenceRegistry"]);
        using var rpc = new JsonRpcClient(new Uri(node.RpcUrl));
        var nonce = await EvidenceRegistryClient.Connect(registry, new EthRpc(rpc)).NonceOfAsync(publisher.Address);
        var deadline = (ulong)DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var signature = new RelayedMessageSigner(EvidenceClaimHasher.Domain(new BigInteger(node.ChainId), registry))
            .SignRevocation(publisher, Hex.Decode(set.RecordId), 1, nonce, deadline).Signature;
        await evidence.RevokeRecordAsync(new RevokeRecordRequest
        {
            RecordId = set.RecordId, Reason = 1, Nonce = (ulong)nonce, Deadline = deadline, Signature = ByteString.CopyFrom(signature),
        });

        var deadlineAt = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        GetTransportFactorsResponse answer;
        do
        {
            await Task.Delay(250);
            answer = await factors.GetTransportFactorsAsync(new GetTransportFactorsRequest());
        }
        while (answer.Anchoring != FactorSetAnchoring.Withdrawn && DateTime.UtcNow < deadlineAt);
        Assert.Equal(FactorSetAnchoring.Withdrawn, answer.Anchoring);
        Assert.Equal(set.RecordId, answer.RecordId);
    }
}
