using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Trace.Chain.Accounts;
using Trace.Chain.Contracts.Registries;
using Trace.Client.Verification;
using Trace.Crypto;
using Trace.Crypto.Eip712;
using Trace.Crypto.Merkle;
using Trace.Domain;
using Trace.Node.Tests.Support;
using Trace.Node.Verification;

namespace Trace.Node.Tests.Engine;

/// <summary>
/// <see cref="BundleVerifier"/> on a real anchored bundle: each verifiable member changed fails the check that covers it,
/// with the status docs/proof-bundle.md names, and every check before it passed. Only the chain's RPC endpoint is used.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class BundleVerifierTests(EngineFixture engine) : IAsyncLifetime
{
    private static readonly string[] AllChecks =
        ["content_hash", "subject", "record_id", "domain", "signature", "merkle_leaf", "merkle_proof", "chain_id", "registry", "root_on_chain", "anchor_transaction", "anchor_block", "registry_verify", "regulator_flags"];

    private ProofBundle _bundle = null!;
    private byte[] _content = null!;

    private BundleVerifier Verifier => new(engine.Chain.Eth);

    public async Task InitializeAsync()
    {
        // Three claims submitted together share a batch, so the proof has siblings to change.
        var contents = Enumerable.Range(0, 3).Select(i => Encoding.UTF8.GetBytes($"EPD {i} {Guid.NewGuid()}")).ToArray();
        var ids = await Task.WhenAll(contents.Select((c, i) => engine.SubmitAsync(engine.Sign(engine.Supplier, c, $"urn:trace:epd:{i}"), c)));
        foreach (var id in ids) await engine.WaitForStatusAsync(id, RecordStatus.Confirmed);
        _bundle = await engine.Services.GetRequiredService<RecordVerifier>().BuildBundleAsync(ids[1], CancellationToken.None);
        _content = contents[1];
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_untouched_bundle_passes_every_check_with_its_content()
    {
        var outcome = await Verifier.VerifyAsync(_bundle, SHA256.HashData(_content), "supplied content", CancellationToken.None);

        Assert.Equal(VerificationStatus.Verified, outcome.Status);
        Assert.Equal(AllChecks, outcome.Checks.Select(c => c.Name));
        Assert.All(outcome.Checks, c => Assert.True(c.Passed, $"{c.Name}: {c.Detail}"));
        Assert.NotEmpty(_bundle.Proof);
        Assert.Null(outcome.Withdrawal);
        Assert.True(outcome.CheckedAtBlock >= _bundle.BlockNumber);
    }

    [Fact]
    public async Task The_client_library_verifies_the_bundle_json_with_only_an_rpc_url()
    {
        var json = ProofBundleJson.Write(_bundle);

        var verified = await Trace.Client.TraceClient.VerifyBundleAsync(json, engine.Chain.Anvil.RpcUrl, _content);
        var tampered = await Trace.Client.TraceClient.VerifyBundleAsync(json, engine.Chain.Anvil.RpcUrl, [.. _content, (byte)'!']);

        Assert.Equal(VerificationStatus.Verified, verified.Status);
        Assert.Equal(AllChecks, verified.Checks.Select(c => c.Name));
        Assert.Equal(VerificationStatus.Tampered, tampered.Status);
        await Assert.ThrowsAsync<InvalidFieldException>(() => Trace.Client.TraceClient.VerifyBundleAsync(json.Replace("trace.proof-bundle/v1", "v0"), engine.Chain.Anvil.RpcUrl));
    }

    [Fact]
    public async Task Other_content_fails_the_content_check_as_tampered()
    {
        var outcome = await Verifier.VerifyAsync(_bundle, SHA256.HashData([.. _content, (byte)'!']), "supplied content", CancellationToken.None);

        AssertFailsAt(outcome, "content_hash", VerificationStatus.Tampered);
    }

    public static TheoryData<string, string, VerificationStatus> Members => new()
    {
        { "subjectId", "subject", VerificationStatus.BadProof },
        { "claim.contentHash", "record_id", VerificationStatus.BadProof },
        { "claim.kind", "record_id", VerificationStatus.BadProof },
        { "claim.subject", "subject", VerificationStatus.BadProof },
        { "claim.issuer", "record_id", VerificationStatus.BadProof },
        { "claim.issuedAt", "record_id", VerificationStatus.BadProof },
        { "claim.nonce", "record_id", VerificationStatus.BadProof },
        { "recordId", "record_id", VerificationStatus.BadProof },
        { "domain.chainId", "record_id", VerificationStatus.BadProof },
        { "domain.verifyingContract", "record_id", VerificationStatus.BadProof },
        { "anchor.chainId", "domain", VerificationStatus.BadProof },
        { "anchor.registry", "domain", VerificationStatus.BadProof },
        { "signature", "signature", VerificationStatus.BadSignature },
        { "merkle.leaf", "merkle_leaf", VerificationStatus.BadProof },
        { "merkle.proof.0", "merkle_proof", VerificationStatus.BadProof },
        { "merkle.root", "merkle_proof", VerificationStatus.BadProof },
        { "anchor.blockNumber", "root_on_chain", VerificationStatus.UnknownRoot },
        { "anchor.txHash", "anchor_transaction", VerificationStatus.UnknownRoot },
        { "anchor.blockHash", "anchor_transaction", VerificationStatus.UnknownRoot },
    };

    [Theory]
    [MemberData(nameof(Members))]
    public async Task Changing_a_member_fails_the_check_that_covers_it(string member, string check, VerificationStatus status)
    {
        var outcome = await Verifier.VerifyAsync(Change(_bundle, member), null, "supplied content", CancellationToken.None);

        AssertFailsAt(outcome, check, status);
    }

    [Fact]
    public async Task A_consistent_bundle_for_another_chain_gets_no_verdict_but_names_both_chains()
    {
        // It may be valid on its own chain: refusing to judge is right, a failed verdict would call it forged.
        var error = await Assert.ThrowsAsync<ChainMismatchException>(() => Verifier.VerifyAsync(SelfMade(chainId: 999_999, _bundle.Registry), null, "", CancellationToken.None));

        Assert.Equal((999_999UL, _bundle.AnchorChainId), (error.BundleChainId, error.EndpointChainId));
    }

    [Fact]
    public async Task A_consistent_bundle_naming_an_address_without_code_fails_the_registry_check()
    {
        var outcome = await Verifier.VerifyAsync(SelfMade(_bundle.AnchorChainId, EthereumAddress.FromBytes(RandomNumberGenerator.GetBytes(20))), null, "", CancellationToken.None);

        AssertFailsAt(outcome, "registry", VerificationStatus.UnknownRoot);
    }

    [Fact]
    public async Task A_consistent_bundle_whose_root_was_never_anchored_fails_the_root_check()
    {
        var outcome = await Verifier.VerifyAsync(SelfMade(_bundle.AnchorChainId, _bundle.Registry), null, "", CancellationToken.None);

        AssertFailsAt(outcome, "root_on_chain", VerificationStatus.UnknownRoot);
    }

    [Fact]
    public async Task A_record_its_issuer_revoked_fails_the_registry_verdict_as_revoked()
    {
        // The issuer pays its own gas and calls revoke(); a funded development key is registered for that.
        using var key = EthereumKey.FromHex(AnvilFixture.DevKeys[1]);
        await engine.Participants.RegisterParticipantAsync(EngineFixture.ParticipantId("engine-revoker"), "https://example.org/revoker.json", new byte[32], ParticipantRoles.Supplier, [key.Address]);
        var content = Encoding.UTF8.GetBytes($"withdrawn EPD {Guid.NewGuid()}");
        var id = await engine.SubmitAsync(engine.Sign(key, content, "urn:trace:epd:withdrawn"), content);
        await engine.WaitForStatusAsync(id, RecordStatus.Confirmed);
        var bundle = await engine.Services.GetRequiredService<RecordVerifier>().BuildBundleAsync(id, CancellationToken.None);
        var issuer = EvidenceRegistryClient.Connect(bundle.Registry, engine.Chain.Eth, new TransactionSender(engine.Chain.Eth, key, bundle.AnchorChainId));
        await issuer.RevokeAsync(bundle.Claim, bundle.Root, bundle.Proof, 2);

        var outcome = await Verifier.VerifyAsync(bundle, SHA256.HashData(content), "supplied content", CancellationToken.None);

        AssertFailsAt(outcome, "registry_verify", VerificationStatus.Revoked);
        Assert.NotNull(outcome.Withdrawal);
        Assert.Null(outcome.Withdrawal.SupersededBy);
    }

    private static void AssertFailsAt(VerificationOutcome outcome, string check, VerificationStatus status)
    {
        Assert.Equal(status, outcome.Status);
        var at = outcome.Checks.ToList().FindIndex(c => !c.Passed);
        Assert.True(at >= 0, "no check failed");
        var failed = outcome.Checks[at];
        Assert.Equal(check, failed.Name);
        Assert.All(outcome.Checks.Take(at), c => Assert.True(c.Passed, $"{c.Name} failed before {check}: {c.Detail}"));
        Assert.Equal(AllChecks.TakeWhile(c => c != check).Append(check), outcome.Checks.Take(at + 1).Select(c => c.Name));
        // The registry's verdict is followed by the flag check (flags are listed on a revoked record too); any earlier
        // failure ends the walk.
        Assert.Equal(check == "registry_verify" ? ["regulator_flags"] : Array.Empty<string>(), outcome.Checks.Skip(at + 1).Select(c => c.Name));
    }

    // A bundle whose own members agree (digest, domain, signature, one-leaf tree) but that nothing anchored.
    private ProofBundle SelfMade(ulong chainId, EthereumAddress registry)
    {
        var claim = _bundle.Claim with { Nonce = RandomNumberGenerator.GetBytes(32) };
        var digest = EvidenceClaimHasher.Digest(EvidenceClaimHasher.Domain(chainId, registry), claim);
        var leaf = MerkleTree.LeafHashOfDigest(digest);
        return _bundle with
        {
            RecordId = RecordIds.FromDigest(digest), Claim = claim, Signature = engine.Supplier.Sign(digest).ToBytes65(),
            DomainChainId = chainId, DomainVerifyingContract = registry, AnchorChainId = chainId, Registry = registry,
            LeafIndex = 0, Leaf = leaf, Proof = [], Root = leaf,
        };
    }

    private static ProofBundle Change(ProofBundle b, string member) => member switch
    {
        "subjectId" => b with { SubjectId = b.SubjectId + "x" },
        "claim.contentHash" => b with { Claim = b.Claim with { ContentHash = Flip(b.Claim.ContentHash) } },
        "claim.kind" => b with { Claim = b.Claim with { Kind = (byte)(b.Claim.Kind + 1) } },
        "claim.subject" => b with { Claim = b.Claim with { Subject = Flip(b.Claim.Subject) } },
        "claim.issuer" => b with { Claim = b.Claim with { Issuer = EthereumAddress.FromBytes(RandomNumberGenerator.GetBytes(20)) } },
        "claim.issuedAt" => b with { Claim = b.Claim with { IssuedAt = b.Claim.IssuedAt + 1 } },
        "claim.nonce" => b with { Claim = b.Claim with { Nonce = Flip(b.Claim.Nonce) } },
        "recordId" => b with { RecordId = RecordIds.FromDigest(Flip(Convert.FromHexString(b.RecordId[2..]))) },
        "domain.chainId" => b with { DomainChainId = b.DomainChainId + 1 },
        "domain.verifyingContract" => b with { DomainVerifyingContract = EthereumAddress.FromBytes(RandomNumberGenerator.GetBytes(20)) },
        "anchor.chainId" => b with { AnchorChainId = b.AnchorChainId + 1 },
        "anchor.registry" => b with { Registry = EthereumAddress.FromBytes(RandomNumberGenerator.GetBytes(20)) },
        "signature" => b with { Signature = Flip(b.Signature, at: 40) },
        "merkle.leaf" => b with { Leaf = Flip(b.Leaf) },
        "merkle.proof.0" => b with { Proof = [Flip(b.Proof[0]), .. b.Proof.Skip(1)] },
        "merkle.root" => b with { Root = Flip(b.Root) },
        "anchor.blockNumber" => b with { BlockNumber = b.BlockNumber + 1 },
        "anchor.txHash" => b with { TxHash = Flip(b.TxHash) },
        "anchor.blockHash" => b with { BlockHash = Flip(b.BlockHash) },
        _ => throw new ArgumentOutOfRangeException(nameof(member), member, null),
    };

    // A copy with one bit of one byte changed (the last byte unless told).
    private static byte[] Flip(byte[] bytes, int at = -1)
    {
        var copy = (byte[])bytes.Clone();
        copy[at < 0 ? copy.Length - 1 : at] ^= 1;
        return copy;
    }
}
