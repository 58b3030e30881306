namespace Trace.Crypto.Merkle;

/// <summary>Proof verification identical to OpenZeppelin MerkleProof.verify (sorted pairs, keccak-256).</summary>
public static class MerkleProof
{
    /// <summary>Size of a node hash.</summary>
    public const int HashSize = 32;

    /// <summary>True when folding <paramref name="proof"/> onto <paramref name="leaf"/> gives <paramref name="root"/>.</summary>
    public static bool Verify(ReadOnlySpan<byte> root, ReadOnlySpan<byte> leaf, IReadOnlyList<byte[]> proof)
    {
        if (root.Length != HashSize || leaf.Length != HashSize) return false;
        Span<byte> computed = stackalloc byte[HashSize];
        ProcessProof(leaf, proof, computed);
        return computed.SequenceEqual(root);
    }

    /// <summary>The root reached from <paramref name="leaf"/> through <paramref name="proof"/> (OZ processProof).</summary>
    public static void ProcessProof(ReadOnlySpan<byte> leaf, IReadOnlyList<byte[]> proof, Span<byte> destination)
    {
        leaf[..HashSize].CopyTo(destination);
        foreach (var sibling in proof)
        {
            if (sibling.Length != HashSize) throw new ArgumentException($"proof nodes are 32 bytes, got {sibling.Length}", nameof(proof));
            HashPair(destination, sibling, destination);
        }
    }

    /// <summary>keccak256 of the two nodes concatenated in ascending byte order (OZ _hashPair / Hashes.commutativeKeccak256).</summary>
    public static void HashPair(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, Span<byte> destination)
    {
        if (a.Length != HashSize || b.Length != HashSize) throw new ArgumentException("Merkle nodes are 32 bytes");
        if (a.SequenceCompareTo(b) <= 0) KeccakSingleBlock.HashPair(a, b, destination);
        else KeccakSingleBlock.HashPair(b, a, destination);
    }
}
