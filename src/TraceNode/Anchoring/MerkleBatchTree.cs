using Trace.Crypto.Merkle;
using Trace.Node.Storage;

namespace Trace.Node.Anchoring;

/// <summary>
/// Builds a batch's Merkle tree over claim digests: OpenZeppelin's StandardMerkleTree (leaf keccak256(keccak256(digest)),
/// sorted pairs), the tree EvidenceRegistry.verify() checks proofs against.
/// </summary>
public static class MerkleBatchTree
{
    /// <summary>The root and, per digest in input order, its leaf index and proof.</summary>
    public static BatchTree Build(IReadOnlyList<byte[]> digests)
    {
        var tree = MerkleTree.FromClaimDigests(digests);
        var leaves = new BatchLeaf[digests.Count];
        for (var i = 0; i < leaves.Length; i++) leaves[i] = new BatchLeaf(i, tree.GetProof(i));
        return new BatchTree(tree.Root.ToArray(), leaves);
    }
}
