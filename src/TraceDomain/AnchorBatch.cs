namespace Trace.Domain;

/// <summary>One Merkle batch of claims and the transaction that anchors its root, as the store last wrote it.</summary>
public sealed record AnchorBatch
{
    /// <summary>Store-generated id.</summary>
    public required long Id { get; init; }

    /// <summary>Merkle root over the batch's claim digests, 32 bytes.</summary>
    public required byte[] Root { get; init; }

    /// <summary>Number of claims (leaves).</summary>
    public required int LeafCount { get; init; }

    /// <summary>Progress of the batch.</summary>
    public required AnchorBatchState State { get; init; }

    /// <summary>The operator account nonce of the latest signed transaction.</summary>
    public long? TxNonce { get; init; }

    /// <summary>Hash of the latest signed transaction (stored before it is broadcast), or of the one that was mined, 32 bytes.</summary>
    public byte[]? TxHash { get; init; }

    /// <summary>
    /// The signed bytes of <see cref="TxHash"/>, stored before they are broadcast so a restart sends exactly the same
    /// transaction; null before the first signing, or when the mined transaction is not the one signed last.
    /// </summary>
    public byte[]? TxRaw { get; init; }

    /// <summary>How many transactions were signed for this batch (the first and its replacements).</summary>
    public int SendAttempts { get; init; }

    /// <summary>Block number the root was recorded in.</summary>
    public long? BlockNumber { get; init; }

    /// <summary>Hash of that block, 32 bytes (to notice reorganisations).</summary>
    public byte[]? BlockHash { get; init; }

    /// <summary>When the batch was closed and its tree fixed.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the node first accepted the latest transaction.</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>When the transaction was mined.</summary>
    public DateTimeOffset? MinedAt { get; init; }

    /// <summary>When the block reached the confirmation depth.</summary>
    public DateTimeOffset? ConfirmedAt { get; init; }
}
