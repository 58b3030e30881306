using Grpc.Core;
using Trace.Api.Tests.Support;
using Trace.Chain.Contracts.Registries;
using Trace.Client.Claims;
using Trace.Crypto;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Participants;

/// <summary>
/// A claim signature that recovers another address is checked against the usual signing-domain mistakes, and the
/// refusal says which one was made instead of only "signed by another address".
/// </summary>
[Collection(EvidenceNodeCollection.Name)]
public sealed class SigningDomainDiagnosticsTests(EvidenceNodeFixture node)
{
    private async Task<RpcException> SubmitSignedWith(Func<EthereumKey, ClaimSigner> signerFor)
    {
        var key = EthereumKey.Generate();
        await node.RegisterAsync(key.Address, ParticipantRoles.Supplier);
        var batch = "urn:trace:domain-diagnosis:" + Guid.NewGuid().ToString("N");
        var request = signerFor(key).StructuredRecord(batch, RecordKind.Batch, LineageBodies.Batch(batch));
        return await Assert.ThrowsAsync<RpcException>(() => node.Evidence.SubmitRecordAsync(request).ResponseAsync);
    }

    [Fact]
    public async Task A_claim_signed_over_chain_id_1_is_refused_saying_the_chain_id_differs()
    {
        var error = await SubmitSignedWith(key => new ClaimSigner(key, 1, node.EvidenceRegistry));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains($"signed for chain id 1, this node's chain id is {node.Node.ChainId}", error.Status.Detail);
    }

    [Fact]
    public async Task A_claim_signed_for_the_participant_registry_is_refused_naming_that_contract()
    {
        var error = await SubmitSignedWith(key => new ClaimSigner(key, node.Node.ChainId, node.ParticipantRegistry));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains($"signed with verifyingContract {node.ParticipantRegistry} (the ParticipantRegistry)", error.Status.Detail);
        Assert.Contains($"EvidenceRegistry {node.EvidenceRegistry}", error.Status.Detail);
    }

    [Fact]
    public async Task A_claim_signed_by_another_key_is_not_blamed_on_the_domain()
    {
        var issuer = EthereumKey.Generate();
        await node.RegisterAsync(issuer.Address, ParticipantRoles.Supplier);
        var batch = "urn:trace:domain-diagnosis:" + Guid.NewGuid().ToString("N");
        // Signed over the right domain by another key, then presented as the registered issuer's.
        var request = new ClaimSigner(EthereumKey.Generate(), node.Node.ChainId, node.EvidenceRegistry).StructuredRecord(batch, RecordKind.Batch, LineageBodies.Batch(batch));
        request.SignedClaim.Claim.Issuer = issuer.Address.ToString();

        var error = await Assert.ThrowsAsync<RpcException>(() => node.Evidence.SubmitRecordAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.DoesNotContain("wrong signing domain", error.Status.Detail);
        Assert.Contains("does not recover the issuer", error.Status.Detail);
    }
}
