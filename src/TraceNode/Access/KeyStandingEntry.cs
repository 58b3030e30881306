using Trace.Chain.Contracts.Registries;
using Trace.Crypto;

namespace Trace.Node.Access;

/// <summary>A key's current standing in the ParticipantRegistry, as <see cref="KeyStandings"/> last read it.</summary>
/// <param name="ParticipantId">The owning participant in directory form; null when the key was never registered.</param>
/// <param name="ParticipantIdBytes">The same id, 32 bytes; null when unregistered.</param>
/// <param name="Roles">The participant's current roles (None when unregistered).</param>
/// <param name="ParticipantActive">False while the participant is suspended (and for an unregistered key).</param>
/// <param name="RetiredAt">When the key was retired; null while it is active.</param>
/// <param name="IsAdmin">The key holds the registry's DEFAULT_ADMIN_ROLE.</param>
public sealed record KeyStandingEntry(
    EthereumAddress Key,
    string? ParticipantId,
    byte[]? ParticipantIdBytes,
    ParticipantRoles Roles,
    bool ParticipantActive,
    DateTimeOffset? RetiredAt,
    bool IsAdmin)
{
    /// <summary>The key belongs to a participant.</summary>
    public bool IsRegistered => ParticipantId is not null;

    /// <summary>The key was retired (for good).</summary>
    public bool IsRetired => RetiredAt is not null;

    /// <summary>Registered, not retired, participant not suspended.</summary>
    public bool IsActiveParticipantKey => IsRegistered && !IsRetired && ParticipantActive;
}
