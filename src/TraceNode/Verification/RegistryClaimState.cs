namespace Trace.Node.Verification;

/// <summary>What the EvidenceRegistry records about one claim: revocation, supersession, endorsements, flags.</summary>
public sealed record RegistryClaimState(DateTimeOffset? RevokedAt, string? RevokedBy, string? SupersededBy, DateTimeOffset? SupersededAt, uint Endorsements, uint OpenFlags);
