using Trace.Chain.Contracts.Registries;
using Trace.Node.Domain;

namespace Trace.Node.Verification;

/// <summary>The result of verifying one record: VERIFIED or the first failing reason, with every check made.</summary>
public sealed record VerificationOutcome(
    VerificationStatus Status,
    string? RecordId,
    IReadOnlyList<VerificationCheck> Checks,
    RecordStatus? RecordStatus,
    ulong CheckedAtBlock,
    ClaimState? ClaimState)
{
    public static VerificationOutcome NotFound(string? recordId, string detail) =>
        new(VerificationStatus.NotFound, recordId, [new VerificationCheck("record", false, detail)], null, 0, null);
}
