using Trace.Domain;

namespace Trace.Node.Storage.Entities;

/// <summary>One Merkle batch of claims and the transaction that anchors its root.</summary>
public sealed class AnchorBatchEntity
{
    /// <summary>Store-generated id.</summary>
    public long Id { get; set; }

    /// <summary>Merkle root over the batch's claim digests, 32 bytes; unique, so a root is never batched twice.</summary>
    public required byte[] Root { get; set; }

    /// <summary>Number of claims (leaves).</summary>
    public int LeafCount { get; set; }

    /// <summary>Progress of the batch.</summary>
    public AnchorBatchState State { get; set; }

    /// <summary>The operator account nonce of the latest signed transaction.</summary>
    public long? TxNonce { get; set; }

    /// <summary>Hash of the latest signed transaction (written before it is broadcast), or of the one that was mined, 32 bytes.</summary>
    public byte[]? TxHash { get; set; }

    /// <summary>
    /// The signed bytes of <see cref="TxHash"/>, written before they are broadcast so a restart sends exactly the same
    /// transaction; null before the first signing, or when the mined transaction is not the one signed last.
    /// </summary>
    public byte[]? TxRaw { get; set; }

    /// <summary>How many transactions were signed for this batch (the first and its replacements).</summary>
    public int SendAttempts { get; set; }

    /// <summary>Block number the root was recorded in.</summary>
    public long? BlockNumber { get; set; }

    /// <summary>Hash of that block, 32 bytes (to notice reorganisations).</summary>
    public byte[]? BlockHash { get; set; }

    /// <summary>When the batch was closed and its tree fixed.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the node first accepted the latest transaction.</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>When the transaction was mined.</summary>
    public DateTimeOffset? MinedAt { get; set; }

    /// <summary>When the block reached the confirmation depth.</summary>
    public DateTimeOffset? ConfirmedAt { get; set; }
}
