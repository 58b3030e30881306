using Trace.Domain.Assurance;

namespace Trace.Domain;

/// <summary>The result of verifying one record: VERIFIED or the first failing reason, with every check made.</summary>
/// <param name="RecordStatus">The record's status in this node's index; null when verified from a bundle alone.</param>
/// <param name="CheckedAtBlock">The chain head the checks ran against; 0 when the chain was not asked.</param>
/// <param name="Withdrawal">The registry's revocation or supersession of the claim, when there is one.</param>
/// <param name="Flags">Open regulator flags (empty when none or not looked at: the record failed an earlier check).</param>
/// <param name="Endorsements">Verifier endorsements, like <paramref name="Flags"/>.</param>
public sealed record VerificationOutcome(
    VerificationStatus Status,
    string? RecordId,
    IReadOnlyList<VerificationCheck> Checks,
    RecordStatus? RecordStatus,
    ulong CheckedAtBlock,
    ChainWithdrawal? Withdrawal,
    IReadOnlyList<RecordFlag>? Flags = null,
    IReadOnlyList<RecordEndorsement>? Endorsements = null)
{
    /// <summary>Open regulator flags, never null.</summary>
    public IReadOnlyList<RecordFlag> OpenFlags => Flags ?? [];

    /// <summary>Verifier endorsements, never null.</summary>
    public IReadOnlyList<RecordEndorsement> RecordEndorsements => Endorsements ?? [];

    /// <summary>The outcome for a record that does not exist.</summary>
    public static VerificationOutcome NotFound(string? recordId, string detail) =>
        new(VerificationStatus.NotFound, recordId, [new VerificationCheck("record", false, detail)], null, 0, null);
}
