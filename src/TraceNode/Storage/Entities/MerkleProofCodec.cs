namespace Trace.Node.Storage.Entities;

/// <summary>Packs a Merkle proof (a list of 32-byte hashes) into one column value and back.</summary>
public static class MerkleProofCodec
{
    private const int NodeSize = 32;

    /// <summary>Concatenates the sibling hashes; each must be 32 bytes.</summary>
    public static byte[] Join(IReadOnlyList<byte[]> proof)
    {
        var packed = new byte[proof.Count * NodeSize];
        for (var i = 0; i < proof.Count; i++)
        {
            if (proof[i].Length != NodeSize)
                throw new ArgumentException($"proof node {i} is {proof[i].Length} bytes, expected {NodeSize}", nameof(proof));
            proof[i].CopyTo(packed, i * NodeSize);
        }
        return packed;
    }

    /// <summary>Splits a packed proof; null or empty gives an empty list.</summary>
    public static IReadOnlyList<byte[]> Split(byte[]? packed)
    {
        if (packed is null || packed.Length == 0) return [];
        if (packed.Length % NodeSize != 0)
            throw new FormatException($"a packed Merkle proof is a multiple of {NodeSize} bytes, got {packed.Length}");
        var nodes = new byte[packed.Length / NodeSize][];
        for (var i = 0; i < nodes.Length; i++) nodes[i] = packed.AsSpan(i * NodeSize, NodeSize).ToArray();
        return nodes;
    }
}
