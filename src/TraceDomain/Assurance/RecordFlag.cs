namespace Trace.Domain.Assurance;

/// <summary>An open regulator flag on a record, as the registry's ClaimFlagged event recorded it.</summary>
/// <param name="RegulatorParticipantId">The regulator participant, directory form (<see cref="ParticipantIdFormat"/>).</param>
/// <param name="FlaggedBy">The regulator key that signed or sent the flag, EIP-55.</param>
/// <param name="Reason">The flag reason code as signed (docs/contracts.md: 1-5).</param>
/// <param name="Note">Free text given to this node with the relayed flag; not on chain. Null for flags raised on chain directly.</param>
/// <param name="Uri">A link given with the relayed flag; not on chain.</param>
public sealed record RecordFlag(
    string RecordId,
    string RegulatorParticipantId,
    string FlaggedBy,
    ushort Reason,
    DateTimeOffset FlaggedAt,
    long BlockNumber,
    byte[] TxHash,
    string? Note = null,
    string? Uri = null);
