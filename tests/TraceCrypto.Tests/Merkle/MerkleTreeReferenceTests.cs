using Trace.Crypto.Merkle;

namespace Trace.Crypto.Tests.Merkle;

public class MerkleTreeReferenceTests
{
    [Fact]
    public void Single_block_keccak_matches_the_general_digest_for_every_short_length()
    {
        var data = Enumerable.Range(0, 135).Select(i => (byte)(i * 7 + 3)).ToArray();
        var actual = new byte[32];
        for (var length = 0; length < 136; length++)
        {
            KeccakSingleBlock.Hash(data.AsSpan(0, length), actual);
            Assert.Equal(Hex.Encode(Keccak256.Hash(data.AsSpan(0, length))), Hex.Encode(actual));
        }
        KeccakSingleBlock.HashPair(data.AsSpan(0, 32), data.AsSpan(32, 32), actual);
        Assert.Equal(Hex.Encode(Keccak256.Hash(data.AsSpan(0, 64))), Hex.Encode(actual));
    }

    [Fact]
    public void Parallel_build_of_a_large_tree_matches_a_naive_OpenZeppelin_layout()
    {
        var digests = Enumerable.Range(0, 10_001).Select(i => Keccak256.HashUtf8($"leaf-{i}")).ToList();

        var tree = MerkleTree.FromClaimDigests(digests);

        // The @openzeppelin/merkle-tree algorithm written out plainly with byte[] nodes.
        var leaves = digests.Select((d, i) => (Hash: Keccak256.Hash(Keccak256.Hash(d)), Index: i))
            .OrderBy(l => l.Hash, Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b))).ToList();
        var nodes = new byte[2 * leaves.Count - 1][];
        for (var i = 0; i < leaves.Count; i++) nodes[nodes.Length - 1 - i] = leaves[i].Hash;
        for (var i = nodes.Length - 1 - leaves.Count; i >= 0; i--)
        {
            var (a, b) = (nodes[2 * i + 1], nodes[2 * i + 2]);
            nodes[i] = Keccak256.Hash(a.AsSpan().SequenceCompareTo(b) <= 0 ? [.. a, .. b] : [.. b, .. a]);
        }
        Assert.Equal(Hex.Encode(nodes[0]), Hex.Encode(tree.Root));
        var treeIndex = nodes.Length - 1 - leaves.FindIndex(l => l.Index == 1234);
        var expectedProof = new List<string>();
        for (var i = treeIndex; i > 0; i = (i - 1) / 2) expectedProof.Add(Hex.Encode(nodes[i % 2 == 1 ? i + 1 : i - 1]));
        Assert.Equal(expectedProof, tree.GetProof(1234).Select(p => Hex.Encode(p)));
    }
}
