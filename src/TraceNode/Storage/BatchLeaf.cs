namespace Trace.Node.Storage;

/// <summary>Where one claim sits in a batch tree and its proof to the root.</summary>
/// <param name="LeafIndex">The leaf's index in the tree.</param>
/// <param name="Proof">Sibling hashes from the leaf up to the root, 32 bytes each.</param>
public sealed record BatchLeaf(int LeafIndex, IReadOnlyList<byte[]> Proof);
