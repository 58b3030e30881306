namespace Trace.Node.Indexing.Storage;

/// <summary>A verifier endorsement of a claim, from its ClaimEndorsed event.</summary>
public sealed class RecordEndorsementEntity
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>Claim digest.</summary>
    public required string RecordId { get; set; }

    /// <summary>Verifier participant, directory form.</summary>
    public required string VerifierId { get; set; }

    /// <summary>Verifier key, EIP-55.</summary>
    public required string EndorsedBy { get; set; }

    public int Code { get; set; }

    /// <summary>Block time.</summary>
    public DateTimeOffset EndorsedAt { get; set; }

    public long BlockNumber { get; set; }

    public int LogIndex { get; set; }

    /// <summary>32 bytes.</summary>
    public required byte[] TxHash { get; set; }
}
