namespace Trace.Domain.Assurance;

/// <summary>One registry event of the audit trail, as indexed from a confirmed block.</summary>
/// <param name="At">Block time.</param>
/// <param name="Contract">The emitting contract, EIP-55.</param>
/// <param name="Actor">The key that acted, EIP-55 (the transaction's sender when the event names no actor).</param>
/// <param name="ActorParticipantId">The participant owning <paramref name="Actor"/>, directory form; null when none.</param>
/// <param name="ParticipantId">The participant the event is about, directory form; null for anchoring.</param>
/// <param name="RecordId">The claim digest of record events; null otherwise.</param>
/// <param name="SubjectId">The record's readable subject when this index has the record; null otherwise.</param>
/// <param name="MerkleRoot">The anchored root, or the root a record event proved membership in; null otherwise.</param>
/// <param name="Code">Reason, code or role bits; 0 when the event has none.</param>
/// <param name="Related">The superseding record or the key added / retired / made admin; null otherwise.</param>
/// <param name="DetailJson">Every event argument, decoded, as a JSON object.</param>
public sealed record RegistryEvent(
    RegistryEventKind Kind,
    DateTimeOffset At,
    long BlockNumber,
    byte[] BlockHash,
    byte[] TxHash,
    int LogIndex,
    string Contract,
    string Actor,
    string? ActorParticipantId,
    string? ParticipantId,
    string? RecordId,
    string? SubjectId,
    byte[]? MerkleRoot,
    int Code,
    string? Related,
    string DetailJson);
