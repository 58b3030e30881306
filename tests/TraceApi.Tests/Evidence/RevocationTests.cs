using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Trace.Api.Tests.Support;
using Trace.Chain.Accounts;
using Trace.Chain.Contracts.Registries;
using Trace.Client.Claims;
using Trace.Crypto;
using Trace.Crypto.Eip712;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Evidence;

/// <summary>Issuers revoke their own records without paying gas: the node relays their EIP-712 signature.</summary>
[Collection(EvidenceNodeCollection.Name)]
public sealed class RevocationTests(EvidenceNodeFixture node)
{
    [Fact]
    public async Task A_relayed_revocation_makes_the_record_verify_as_revoked_and_cannot_be_replayed()
    {
        var signer = node.NewSigner();
        await node.RegisterAsync(signer.Address, ParticipantRoles.Supplier);
        var id = await SubmitConfirmedAsync(signer);
        var nonce = await NonceOfAsync(signer.Address);
        var deadline = (ulong)DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();

        var response = await node.Evidence.RevokeRecordAsync(new RevokeRecordRequest
        {
            RecordId = id, Reason = 3, Nonce = (ulong)nonce, Deadline = deadline,
            Signature = ByteString.CopyFrom(SignRevocation(signer.Key, id, 3, nonce, deadline)),
        });
        Assert.Equal(32, response.TxHash.Length);

        var result = (await node.Evidence.VerifyAsync(new VerifyRequest { RecordId = id })).Result;
        Assert.Equal(VerificationStatus.Revoked, result.Status);
        Assert.NotNull(result.Revocation);
        Assert.NotNull((await node.Evidence.GetRecordAsync(new GetRecordRequest { RecordId = id })).Record.Revocation);

        var replay = await EvidenceClientExtensions.ExpectErrorAsync(() => node.Evidence.RevokeRecordAsync(new RevokeRecordRequest
        {
            RecordId = id, Reason = 3, Nonce = (ulong)nonce, Deadline = deadline,
            Signature = ByteString.CopyFrom(SignRevocation(signer.Key, id, 3, nonce, deadline)),
        }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, replay.StatusCode);
    }

    [Fact]
    public async Task A_revocation_signed_by_another_key_or_with_a_stale_nonce_is_refused_naming_the_field()
    {
        var signer = node.NewSigner();
        await node.RegisterAsync(signer.Address, ParticipantRoles.Supplier);
        var id = await SubmitConfirmedAsync(signer);
        var nonce = await NonceOfAsync(signer.Address);
        var deadline = (ulong)DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();

        using var stranger = EthereumKey.Generate();
        var wrongKey = await EvidenceClientExtensions.ExpectErrorAsync(() => node.Evidence.RevokeRecordAsync(new RevokeRecordRequest
        {
            RecordId = id, Reason = 1, Nonce = (ulong)nonce, Deadline = deadline,
            Signature = ByteString.CopyFrom(SignRevocation(stranger, id, 1, nonce, deadline)),
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, wrongKey.StatusCode);
        Assert.Contains("signature", wrongKey.Status.Detail);

        var staleNonce = await EvidenceClientExtensions.ExpectErrorAsync(() => node.Evidence.RevokeRecordAsync(new RevokeRecordRequest
        {
            RecordId = id, Reason = 1, Nonce = (ulong)nonce + 1, Deadline = deadline,
            Signature = ByteString.CopyFrom(SignRevocation(signer.Key, id, 1, nonce + 1, deadline)),
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, staleNonce.StatusCode);
        Assert.Contains("nonce", staleNonce.Status.Detail);

        Assert.Equal(VerificationStatus.Verified, (await node.Evidence.VerifyAsync(new VerifyRequest { RecordId = id })).Result.Status);
    }

    [Fact]
    public async Task A_revocation_sent_straight_to_the_registry_by_the_issuer_reaches_the_index_and_the_watch_stream()
    {
        var signer = node.NewSigner();
        await node.RegisterAsync(signer.Address, ParticipantRoles.Supplier);
        var (id, signed) = await SubmitConfirmedWithClaimAsync(signer);
        var anchor = (await node.Evidence.GetProofBundleAsync(new GetProofBundleRequest { RecordId = id })).Bundle.Anchor;
        await node.FundAsync(signer.Address, BigInteger.Pow(10, 18));

        using var watch = node.Evidence.WatchRecordStatus(new WatchRecordStatusRequest { RecordIds = { id }, IncludeCurrent = true });
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        Assert.True(await watch.ResponseStream.MoveNext(cancel.Token)); // the current state: the subscription is live

        // The issuer pays its own gas and calls revoke(); Trace only sees the event.
        var issuerRegistry = EvidenceRegistryClient.Connect(node.EvidenceRegistry, node.Eth, new TransactionSender(node.Eth, signer.Key, node.Node.ChainId));
        var claim = new EvidenceClaimData(signed.Claim.ContentHash.ToByteArray(), (byte)signed.Claim.Kind, signed.Claim.Subject.ToByteArray(),
            EthereumAddress.Parse(signed.Claim.Issuer), signed.Claim.IssuedAt, signed.Claim.Nonce.ToByteArray());
        var receipt = await issuerRegistry.RevokeAsync(claim, anchor.MerkleRoot.ToByteArray(), anchor.MerkleProof.Select(p => p.ToByteArray()).ToList(), 2);

        while (await watch.ResponseStream.MoveNext(cancel.Token) && watch.ResponseStream.Current.Change != RecordChange.Revoked) { }
        Assert.Equal(RecordChange.Revoked, watch.ResponseStream.Current.Change);
        var record = (await node.Evidence.GetRecordAsync(new GetRecordRequest { RecordId = id })).Record;
        Assert.NotNull(record.Revocation);
        Assert.Equal(receipt.Receipt.TransactionHash, record.Revocation.TxHash.ToByteArray());
        Assert.Equal(receipt.Receipt.BlockNumber, record.Revocation.BlockNumber);
        Assert.Equal(VerificationStatus.Revoked, (await node.Evidence.VerifyAsync(new VerifyRequest { RecordId = id })).Result.Status);
    }

    private async Task<string> SubmitConfirmedAsync(ClaimSigner signer) => (await SubmitConfirmedWithClaimAsync(signer)).Id;

    private async Task<(string Id, SignedClaim Signed)> SubmitConfirmedWithClaimAsync(ClaimSigner signer)
    {
        var content = Encoding.UTF8.GetBytes("impact report " + Guid.NewGuid());
        var signed = signer.Sign(SHA256.HashData(content), RecordKind.EnvironmentalImpactReport, "urn:trace:report:r");
        var id = (await node.Evidence.UploadAsync(new SubmitDocumentHeader { SignedClaim = signed, SubjectId = "urn:trace:report:r", MediaType = "application/pdf" }, content)).Record.Id;
        await node.Evidence.WaitForStatusAsync(id, RecordStatus.Confirmed);
        return (id, signed);
    }

    private Task<BigInteger> NonceOfAsync(EthereumAddress signer) =>
        EvidenceRegistryClient.Connect(node.EvidenceRegistry, node.Eth).NonceOfAsync(signer);

    /// <summary>EIP-712 Revocation(bytes32 claimDigest,uint16 reason,uint256 nonce,uint64 deadline), as a supplier's client signs it.</summary>
    private byte[] SignRevocation(EthereumKey key, string recordId, ushort reason, BigInteger nonce, ulong deadline) =>
        new RelayedMessageSigner(EvidenceClaimHasher.Domain(new BigInteger(node.Node.ChainId), node.EvidenceRegistry))
            .SignRevocation(key, Hex.Decode(recordId), reason, nonce, deadline).Signature;
}
