namespace Trace.Node.Indexing.Storage;

/// <summary>A regulator flag on a claim, from its ClaimFlagged event; open while the Unflag columns are null.</summary>
/// <remarks>No foreign key to the record: a flag on a claim this node does not index is still part of the chain's story.</remarks>
public sealed class RecordFlagEntity
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>Claim digest, "0x" + 64 lower-case hex digits.</summary>
    public required string RecordId { get; set; }

    /// <summary>Regulator participant, directory form.</summary>
    public required string RegulatorId { get; set; }

    /// <summary>Regulator key, EIP-55.</summary>
    public required string FlaggedBy { get; set; }

    public int Reason { get; set; }

    /// <summary>Block time of the flag.</summary>
    public DateTimeOffset FlaggedAt { get; set; }

    public long BlockNumber { get; set; }

    public int LogIndex { get; set; }

    /// <summary>32 bytes.</summary>
    public required byte[] TxHash { get; set; }

    /// <summary>Block time of the unflag; null while open.</summary>
    public DateTimeOffset? UnflaggedAt { get; set; }

    public long? UnflagBlockNumber { get; set; }

    public int? UnflagLogIndex { get; set; }

    public byte[]? UnflagTxHash { get; set; }

    public int? UnflagReason { get; set; }

    public string? UnflaggedBy { get; set; }
}
