namespace Trace.Domain;

/// <summary>A withdrawal of a record as the registry reports it when verifying: revoked, or superseded by a successor.</summary>
/// <param name="At">Block time of the revocation or supersession.</param>
/// <param name="SupersededBy">The successor's record id; null for a plain revocation.</param>
public sealed record ChainWithdrawal(DateTimeOffset At, string? SupersededBy);
