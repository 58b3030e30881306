using Trace.Chain.Contracts.Registries;
using Trace.Crypto;

namespace Trace.Node.Access;

/// <summary>Who is calling: a signed-in participant key (with its current on-chain roles), the registry admin, or nobody.</summary>
/// <remarks>
/// Roles and standing are the registry's current ones, not the ones the access token was issued with: a role revoked
/// or a participant suspended on chain takes effect on the next call.
/// </remarks>
public sealed record Caller(string? ParticipantId, EthereumAddress? Key, ParticipantRoles Roles, bool IsAdmin)
{
    /// <summary>A call without a (valid) access token.</summary>
    public static Caller Anonymous { get; } = new(null, null, ParticipantRoles.None, false);

    /// <summary>True when no one signed in.</summary>
    public bool IsAnonymous => Key is null;

    /// <summary>True when the caller holds any of <paramref name="roles"/>.</summary>
    public bool HasAnyRole(ParticipantRoles roles) => (Roles & roles) != 0;

    /// <summary>Regulators read everything.</summary>
    public bool IsRegulator => HasAnyRole(ParticipantRoles.Regulator);
}
