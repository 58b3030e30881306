namespace Trace.Domain;

/// <summary>The result of verifying one record: VERIFIED or the first failing reason, with every check made.</summary>
/// <param name="RecordStatus">The record's status in this node's index; null when verified from a bundle alone.</param>
/// <param name="CheckedAtBlock">The chain head the checks ran against; 0 when the chain was not asked.</param>
/// <param name="Withdrawal">The registry's revocation or supersession of the claim, when there is one.</param>
public sealed record VerificationOutcome(
    VerificationStatus Status,
    string? RecordId,
    IReadOnlyList<VerificationCheck> Checks,
    RecordStatus? RecordStatus,
    ulong CheckedAtBlock,
    ChainWithdrawal? Withdrawal)
{
    /// <summary>The outcome for a record that does not exist.</summary>
    public static VerificationOutcome NotFound(string? recordId, string detail) =>
        new(VerificationStatus.NotFound, recordId, [new VerificationCheck("record", false, detail)], null, 0, null);
}
