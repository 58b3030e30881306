namespace Trace.Chain.Contracts.Registries;

/// <summary>The permanent record of a signing key (ParticipantRegistry.keyInfo); all zero when the key was never registered.</summary>
/// <param name="AddedAt">Unix seconds from which the key is active (inclusive).</param>
/// <param name="RetiredAt">Unix seconds from which it is not; 0 while active.</param>
public sealed record ParticipantKeyInfo(byte[] ParticipantId, ulong AddedAt, ulong RetiredAt, KeyRetirementReason RetirementReason)
{
    public bool IsRegistered => ParticipantId.AsSpan().ContainsAnyExcept((byte)0);
    public bool IsRetired => RetiredAt != 0;
}
