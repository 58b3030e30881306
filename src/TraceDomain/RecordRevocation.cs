namespace Trace.Domain;

/// <summary>A revocation or supersession observed on chain.</summary>
/// <param name="ObservedAt">Block time of the event.</param>
/// <param name="BlockNumber">Block of the event.</param>
/// <param name="TxHash">Transaction hash, 32 bytes.</param>
/// <param name="SupersededBy">The superseding record id; null for a plain revocation.</param>
public sealed record RecordRevocation(DateTimeOffset ObservedAt, long BlockNumber, byte[] TxHash, string? SupersededBy);
