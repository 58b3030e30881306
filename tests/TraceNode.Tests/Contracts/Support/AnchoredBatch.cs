using Trace.Chain.Contracts;
using Trace.Crypto.Merkle;

namespace Trace.Node.Tests.Contracts.Support;

/// <summary>A Merkle tree built off-chain over claim digests and the transaction that anchored its root.</summary>
internal sealed class AnchoredBatch(MerkleTree tree, IReadOnlyList<byte[]> digests, ContractReceipt receipt)
{
    public byte[] Root { get; } = tree.Root.ToArray();
    public MerkleTree Tree => tree;
    public ContractReceipt Receipt => receipt;

    /// <summary>The Merkle proof of <paramref name="claim"/>'s digest.</summary>
    public byte[][] ProofOf(SignedClaim claim)
    {
        for (var i = 0; i < digests.Count; i++)
            if (digests[i].AsSpan().SequenceEqual(claim.Digest)) return tree.GetProof(i);
        throw new ArgumentException("the claim is not in this batch", nameof(claim));
    }
}
