namespace Trace.Node.Storage;

/// <summary>The Merkle tree of a new batch, as built by the anchoring pipeline over the claim digests it was given.</summary>
/// <param name="Root">The 32-byte root that will be anchored.</param>
/// <param name="Leaves">One entry per digest, in the order the digests were given.</param>
public sealed record BatchTree(byte[] Root, IReadOnlyList<BatchLeaf> Leaves);
