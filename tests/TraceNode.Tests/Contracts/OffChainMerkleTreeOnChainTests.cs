using Trace.Chain.Contracts.Registries;
using Trace.Crypto.Eip712;
using Trace.Crypto.Merkle;
using Trace.Node.Tests.Contracts.Support;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Contracts;

/// <summary>Digests, leaves, roots and proofs computed by the C# code are the ones the contract accepts.</summary>
[Collection(AnvilCollection.Name)]
public sealed class OffChainMerkleTreeOnChainTests(AnvilFixture anvil) : RegistryTestBase(anvil)
{
    [Fact]
    public async Task Every_claim_of_a_five_claim_tree_built_off_chain_verifies_on_chain_with_its_proof()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var claims = Enumerable.Range(0, 5).Select(_ => World.Issue(supplier.Key.Key)).ToArray();
        var tree = MerkleTree.FromClaimDigests([.. claims.Select(c => c.Digest)]);
        await World.Evidence.AnchorBatchAsync(tree.Root.ToArray(), (uint)claims.Length);

        for (var i = 0; i < claims.Length; i++)
        {
            var proof = tree.GetProof(i);
            Assert.NotEmpty(proof);
            Assert.Equal(VerificationCode.Valid, await World.Evidence.VerifyAsync(claims[i].Claim, claims[i].Signature, tree.Root.ToArray(), proof));
            Assert.Equal(VerificationCode.BadProof,
                await World.Evidence.VerifyAsync(claims[i].Claim, claims[i].Signature, tree.Root.ToArray(), tree.GetProof((i + 1) % claims.Length)));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(33)]
    public async Task Trees_of_any_size_verify_on_chain_at_their_first_and_last_leaf(int size)
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var claims = Enumerable.Range(0, size).Select(_ => World.Issue(supplier.Key.Key)).ToArray();
        var tree = MerkleTree.FromClaimDigests([.. claims.Select(c => c.Digest)]);
        await World.Evidence.AnchorBatchAsync(tree.Root.ToArray(), (uint)size);

        foreach (var i in new[] { 0, size - 1 })
            Assert.Equal(VerificationCode.Valid, await World.Evidence.VerifyAsync(claims[i].Claim, claims[i].Signature, tree.Root.ToArray(), tree.GetProof(i)));
    }

    [Fact]
    public async Task The_contract_computes_the_same_claim_digest_leaf_and_domain_separator_as_the_CSharp_code()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var claim = World.Issue(supplier.Key.Key);

        Assert.Equal(EvidenceClaimHasher.Digest(World.Domain, claim.Claim), await World.Evidence.ClaimDigestAsync(claim.Claim));
        Assert.Equal(MerkleTree.LeafHashOfDigest(claim.Digest), await World.Evidence.LeafOfAsync(claim.Digest));
        Assert.Equal(World.Domain.Separator(), await World.Evidence.DomainSeparatorAsync());
    }
}
