using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Trace.Api.Tests.Evidence;
using Trace.Api.Tests.Support;
using Trace.Chain.Contracts.Registries;
using Trace.Client.Claims;
using Trace.Crypto;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Confidentiality;

/// <summary>
/// Content bytes over real gRPC with real sign-in tokens: a buyer without a grant is refused, with the supplier's grant
/// reads the bytes, after revocation is refused again; the record itself stays public.
/// </summary>
[Collection(EvidenceNodeCollection.Name)]
public sealed class ContentGrantTests(EvidenceNodeFixture node)
{
    private CallInvoker SignedInAs(EthereumKey key) =>
        SignedInChannel.As(node.Api.RawChannel, key);

    private static string ParticipantOf(EthereumAddress key) => "0x" + Convert.ToHexStringLower(EvidenceNodeFixture.ParticipantId(key));

    private static async Task<byte[]> DownloadAsync(CallInvoker calls, string recordId)
    {
        using var call = new EvidenceService.EvidenceServiceClient(calls).DownloadContent(new DownloadContentRequest { RecordId = recordId });
        using var buffer = new MemoryStream();
        await foreach (var part in call.ResponseStream.ReadAllAsync())
            if (part.PartCase == DownloadContentResponse.PartOneofCase.Chunk) buffer.Write(part.Chunk.Span);
        return buffer.ToArray();
    }

    [Fact]
    public async Task A_buyer_reads_content_only_while_the_supplier_grants_it()
    {
        using var supplierKey = EthereumKey.Generate();
        using var buyerKey = EthereumKey.Generate();
        await node.RegisterAsync(supplierKey.Address, ParticipantRoles.Supplier);
        await node.RegisterAsync(buyerKey.Address, ParticipantRoles.Buyer);
        node.Api.Tokens.Keyring.Add(supplierKey);
        var signer = new ClaimSigner(supplierKey, node.Node.ChainId, node.EvidenceRegistry);
        var content = Encoding.UTF8.GetBytes($"supplier's confidential process data {Guid.NewGuid()}");
        var signed = signer.Sign(SHA256.HashData(content), RecordKind.EnergyReading, "urn:trace:site:granted");
        var recordId = (await node.Evidence.UploadAsync(new SubmitDocumentHeader { SignedClaim = signed, SubjectId = "urn:trace:site:granted", MediaType = "text/plain" }, content)).Record.Id;
        var supplier = SignedInAs(supplierKey);
        var buyer = SignedInAs(buyerKey);
        var supplierGrants = new ContentAccessService.ContentAccessServiceClient(supplier);

        // The record is public; its bytes are not.
        Assert.Equal(recordId, (await new EvidenceService.EvidenceServiceClient(buyer).GetRecordAsync(new GetRecordRequest { RecordId = recordId })).Record.Id);
        var anonymous = await Assert.ThrowsAsync<RpcException>(() => DownloadAsync(node.Api.RawChannel.CreateCallInvoker(), recordId));
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        var before = await Assert.ThrowsAsync<RpcException>(() => DownloadAsync(buyer, recordId));
        Assert.Equal(StatusCode.PermissionDenied, before.StatusCode);
        Assert.Contains(ParticipantOf(supplierKey.Address), before.Status.Detail);
        Assert.Equal(content, await DownloadAsync(supplier, recordId));

        // The buyer cannot grant itself the supplier's content.
        var selfGrant = await Assert.ThrowsAsync<RpcException>(() => new ContentAccessService.ContentAccessServiceClient(buyer)
            .GrantContentAccessAsync(new GrantContentAccessRequest { GranteeParticipantId = ParticipantOf(buyerKey.Address), RecordId = recordId }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, selfGrant.StatusCode);

        var granted = await supplierGrants.GrantContentAccessAsync(new GrantContentAccessRequest { GranteeParticipantId = ParticipantOf(buyerKey.Address), RecordId = recordId });

        Assert.True(granted.Created);
        Assert.Equal((ParticipantOf(supplierKey.Address), supplierKey.Address.ToString(), true), (granted.Grant.IssuerParticipantId, granted.Grant.GrantedBy, granted.Grant.Active));
        Assert.Equal(content, await DownloadAsync(buyer, recordId));

        var revoked = await supplierGrants.RevokeContentAccessAsync(new RevokeContentAccessRequest { GrantId = granted.Grant.GrantId });

        Assert.False(revoked.Grant.Active);
        Assert.Equal(supplierKey.Address.ToString(), revoked.Grant.RevokedBy);
        var after = await Assert.ThrowsAsync<RpcException>(() => DownloadAsync(buyer, recordId));
        Assert.Equal(StatusCode.PermissionDenied, after.StatusCode);
        var listed = await new ContentAccessService.ContentAccessServiceClient(buyer).ListContentGrantsAsync(new ListContentGrantsRequest { IncludeRevoked = true });
        Assert.Equal(granted.Grant.GrantId, Assert.Single(listed.Grants).GrantId);
        var foreignRevoke = await Assert.ThrowsAsync<RpcException>(() => new ContentAccessService.ContentAccessServiceClient(buyer)
            .RevokeContentAccessAsync(new RevokeContentAccessRequest { GrantId = granted.Grant.GrantId }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, foreignRevoke.StatusCode);
    }

    [Fact]
    public async Task Grant_calls_without_a_token_are_unauthenticated()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => new ContentAccessService.ContentAccessServiceClient(node.Api.RawChannel)
            .ListContentGrantsAsync(new ListContentGrantsRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }
}
