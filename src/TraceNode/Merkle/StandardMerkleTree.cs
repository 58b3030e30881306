using Trace.Crypto;
using Trace.Crypto.Merkle;
using Trace.Node.Evm.Abi;

namespace Trace.Node.Merkle;

/// <summary>
/// OpenZeppelin StandardMerkleTree over arbitrary ABI-typed values: leaf = keccak256(keccak256(abi.encode(values))).
/// For Trace's 32-byte claim digests use <see cref="MerkleTree.FromClaimDigests(ReadOnlySpan{byte})"/> directly.
/// </summary>
public sealed class StandardMerkleTree
{
    private StandardMerkleTree(MerkleTree tree, IReadOnlyList<AbiType> leafEncoding)
    {
        Tree = tree;
        LeafEncoding = leafEncoding;
    }

    /// <summary>The underlying flat tree (root, leaf hashes, proofs).</summary>
    public MerkleTree Tree { get; }

    /// <summary>The ABI types of each leaf's values, e.g. ["address", "uint256"].</summary>
    public IReadOnlyList<AbiType> LeafEncoding { get; }

    public ReadOnlySpan<byte> Root => Tree.Root;

    /// <summary>StandardMerkleTree.of(values, leafEncoding).</summary>
    public static StandardMerkleTree Of(IReadOnlyList<IReadOnlyList<object?>> values, IReadOnlyList<string> leafEncoding)
    {
        var types = leafEncoding.Select(AbiType.Parse).ToArray();
        var leaves = new byte[values.Count * MerkleProof.HashSize];
        for (var i = 0; i < values.Count; i++) LeafHash(types, values[i]).CopyTo(leaves, i * MerkleProof.HashSize);
        return new StandardMerkleTree(MerkleTree.FromLeafHashes(leaves), types);
    }

    /// <summary>keccak256(keccak256(abi.encode(values))).</summary>
    public static byte[] LeafHash(IReadOnlyList<AbiType> leafEncoding, IReadOnlyList<object?> values)
    {
        var inner = Keccak256.Hash(AbiEncoder.Encode(leafEncoding, values));
        return Keccak256.Hash(inner);
    }

    /// <summary>The proof for the value at <paramref name="index"/> in input order.</summary>
    public byte[][] GetProof(int index) => Tree.GetProof(index);
}
