namespace Trace.Domain;

/// <summary>A record's place in its batch's Merkle tree, fixed when the batch closes (before anything is sent).</summary>
/// <param name="BatchId">The batch the record's claim went into.</param>
/// <param name="Root">The batch's Merkle root, 32 bytes.</param>
/// <param name="LeafIndex">The claim's leaf in the batch tree.</param>
/// <param name="Proof">Sibling hashes from the leaf to the root, 32 bytes each (empty for a one-leaf tree).</param>
public sealed record RecordPlacement(long BatchId, byte[] Root, int LeafIndex, IReadOnlyList<byte[]> Proof);
