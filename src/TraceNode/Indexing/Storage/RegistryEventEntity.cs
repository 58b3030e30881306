using Trace.Domain.Assurance;

namespace Trace.Node.Indexing.Storage;

/// <summary>One registry event of the audit trail (EvidenceRegistry or ParticipantRegistry), keyed by block and log index.</summary>
public sealed class RegistryEventEntity
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    public RegistryEventKind Kind { get; set; }

    /// <summary>Block time.</summary>
    public DateTimeOffset At { get; set; }

    public long BlockNumber { get; set; }

    /// <summary>32 bytes.</summary>
    public required byte[] BlockHash { get; set; }

    /// <summary>32 bytes.</summary>
    public required byte[] TxHash { get; set; }

    /// <summary>Position of the log in its block.</summary>
    public int LogIndex { get; set; }

    /// <summary>Emitting contract, EIP-55.</summary>
    public required string Contract { get; set; }

    /// <summary>The key that acted, EIP-55.</summary>
    public required string Actor { get; set; }

    /// <summary>Participant owning the actor key, directory form; null when none.</summary>
    public string? ActorParticipantId { get; set; }

    /// <summary>Participant the event is about, directory form; null for anchoring.</summary>
    public string? ParticipantId { get; set; }

    /// <summary>Claim digest of record events.</summary>
    public string? RecordId { get; set; }

    /// <summary>Anchored root, or the root a record event proved membership in.</summary>
    public byte[]? MerkleRoot { get; set; }

    /// <summary>Reason, code or role bits.</summary>
    public int Code { get; set; }

    /// <summary>Superseding record, or the key added / retired / made admin.</summary>
    public string? Related { get; set; }

    /// <summary>Every event argument, decoded, as a JSON object.</summary>
    public required string DetailJson { get; set; }
}
