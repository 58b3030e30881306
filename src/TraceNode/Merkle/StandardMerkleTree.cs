using Nethereum.ABI;
using Trace.Crypto;
using Trace.Crypto.Merkle;

namespace Trace.Node.Merkle;

/// <summary>
/// OpenZeppelin StandardMerkleTree over arbitrary ABI-typed values: leaf = keccak256(keccak256(abi.encode(values))).
/// For Trace's 32-byte claim digests use <see cref="MerkleTree.FromClaimDigests(ReadOnlySpan{byte})"/> directly.
/// </summary>
/// <remarks>The leaf values are ABI-encoded by Nethereum; only this general form needs an ABI encoder.</remarks>
public sealed class StandardMerkleTree
{
    private StandardMerkleTree(MerkleTree tree, IReadOnlyList<string> leafEncoding)
    {
        Tree = tree;
        LeafEncoding = leafEncoding;
    }

    /// <summary>The underlying flat tree (root, leaf hashes, proofs).</summary>
    public MerkleTree Tree { get; }

    /// <summary>The ABI types of each leaf's values, e.g. ["address", "uint256"].</summary>
    public IReadOnlyList<string> LeafEncoding { get; }

    public ReadOnlySpan<byte> Root => Tree.Root;

    /// <summary>StandardMerkleTree.of(values, leafEncoding).</summary>
    public static StandardMerkleTree Of(IReadOnlyList<IReadOnlyList<object?>> values, IReadOnlyList<string> leafEncoding)
    {
        var types = leafEncoding.ToArray();
        var leaves = new byte[values.Count * MerkleProof.HashSize];
        for (var i = 0; i < values.Count; i++) LeafHash(types, values[i]).CopyTo(leaves, i * MerkleProof.HashSize);
        return new StandardMerkleTree(MerkleTree.FromLeafHashes(leaves), types);
    }

    /// <summary>keccak256(keccak256(abi.encode(values))).</summary>
    public static byte[] LeafHash(IReadOnlyList<string> leafEncoding, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(leafEncoding);
        ArgumentNullException.ThrowIfNull(values);
        if (leafEncoding.Count != values.Count) throw new ArgumentException($"{values.Count} values for {leafEncoding.Count} leaf types", nameof(values));
        var encoded = new ABIEncode().GetABIEncoded([.. leafEncoding.Select((type, i) => new ABIValue(type, values[i] is EthereumAddress a ? a.ToString() : values[i]))]);
        var inner = Keccak256.Hash(encoded);
        return Keccak256.Hash(inner);
    }

    /// <summary>The proof for the value at <paramref name="index"/> in input order.</summary>
    public byte[][] GetProof(int index) => Tree.GetProof(index);
}
