namespace Trace.Domain.Assurance;

/// <summary>A verifier participant's endorsement of a record, as the registry's ClaimEndorsed event recorded it.</summary>
/// <param name="VerifierParticipantId">The verifier participant, directory form (<see cref="ParticipantIdFormat"/>).</param>
/// <param name="EndorsedBy">The verifier key that signed or sent it, EIP-55.</param>
/// <param name="Code">The endorsement code as signed (docs/contracts.md: 1-3).</param>
public sealed record RecordEndorsement(
    string RecordId,
    string VerifierParticipantId,
    string EndorsedBy,
    ushort Code,
    DateTimeOffset EndorsedAt,
    long BlockNumber,
    byte[] TxHash);
