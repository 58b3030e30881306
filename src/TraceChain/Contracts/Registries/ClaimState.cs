using Trace.Crypto;

namespace Trace.Chain.Contracts.Registries;

/// <summary>A claim's on-chain lifecycle, keyed by its digest (EvidenceRegistry.claimState); all zero when nothing happened to it.</summary>
/// <param name="RevokedAt">Unix seconds of revocation; 0 when not revoked.</param>
/// <param name="SupersededBy">Digest of the successor claim; 32 zero bytes when not superseded.</param>
/// <param name="OpenFlags">Regulator participants with an open flag on the claim.</param>
public sealed record ClaimState(
    ulong RevokedAt,
    ushort RevocationReason,
    EthereumAddress RevokedBy,
    uint Endorsements,
    byte[] SupersededBy,
    ulong SupersededAt,
    EthereumAddress SupersededByActor,
    uint OpenFlags)
{
    public bool IsRevoked => RevokedAt != 0;
    public bool IsSuperseded => SupersededBy.AsSpan().ContainsAnyExcept((byte)0);
}
