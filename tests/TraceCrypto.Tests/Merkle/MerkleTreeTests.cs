using System.Text.Json;
using Trace.Crypto.Merkle;
using Trace.Tests.Support;

namespace Trace.Crypto.Tests.Merkle;

public class MerkleTreeTests
{
    public static TheoryData<int> Cases()
    {
        using var doc = VectorFiles.Load("merkle.json");
        var data = new TheoryData<int>();
        for (var i = 0; i < doc.RootElement.GetProperty("cases").GetArrayLength(); i++) data.Add(i);
        return data;
    }

    private static (JsonDocument Doc, JsonElement Case, byte[][] Values) Load(int index)
    {
        var doc = VectorFiles.Load("merkle.json");
        var c = doc.RootElement.GetProperty("cases")[index];
        var values = c.GetProperty("values").EnumerateArray().Select(v => Hex.Decode(v.GetString()!)).ToArray();
        return (doc, c, values);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Claim_digest_tree_matches_OpenZeppelin_root_leaves_and_every_proof(int index)
    {
        var (doc, c, values) = Load(index);
        using var _ = doc;

        var tree = MerkleTree.FromClaimDigests(values);

        Assert.Equal(c.GetProperty("root").GetString(), Hex.Encode(tree.Root));
        var leaves = c.GetProperty("leaves").EnumerateArray().Select(l => l.GetString()).ToArray();
        var proofs = c.GetProperty("proofs").EnumerateArray().ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(leaves[i], Hex.Encode(tree.LeafHash(i)));
            Assert.Equal(leaves[i], Hex.Encode(MerkleTree.LeafHashOfDigest(values[i])));
            Assert.Equal(proofs[i].EnumerateArray().Select(p => p.GetString()), tree.GetProof(i).Select(p => Hex.Encode(p)));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_vector_proof_verifies_and_a_tampered_one_does_not(int index)
    {
        var (doc, c, values) = Load(index);
        using var _ = doc;
        var root = Hex.Decode(c.GetProperty("root").GetString()!);
        var leaves = c.GetProperty("leaves").EnumerateArray().Select(l => Hex.Decode(l.GetString()!)).ToArray();
        var proofs = c.GetProperty("proofs").EnumerateArray()
            .Select(p => p.EnumerateArray().Select(n => Hex.Decode(n.GetString()!)).ToList()).ToArray();

        for (var i = 0; i < leaves.Length; i++)
        {
            Assert.True(MerkleProof.Verify(root, leaves[i], proofs[i]));
            Assert.False(MerkleProof.Verify(root, values[i], proofs[i])); // the unhashed digest is not a leaf
            if (proofs[i].Count > 0)
            {
                var tampered = proofs[i].Select(n => (byte[])n.Clone()).ToList();
                tampered[^1][0] ^= 1;
                Assert.False(MerkleProof.Verify(root, leaves[i], tampered));
            }
        }
    }

    [Fact]
    public void Proofs_of_a_large_tree_verify_against_its_root()
    {
        var digests = Enumerable.Range(0, 1000).Select(i => Keccak256.HashUtf8($"claim-{i}")).ToList();
        var tree = MerkleTree.FromClaimDigests(digests);
        foreach (var i in new[] { 0, 1, 499, 998, 999 })
            Assert.True(MerkleProof.Verify(tree.Root, MerkleTree.LeafHashOfDigest(digests[i]), tree.GetProof(i)));
        Assert.False(MerkleProof.Verify(tree.Root, MerkleTree.LeafHashOfDigest(digests[1]), tree.GetProof(0)));
    }

    [Fact]
    public void An_empty_tree_is_refused() => Assert.Throws<ArgumentException>(() => MerkleTree.FromClaimDigests(ReadOnlySpan<byte>.Empty));
}
