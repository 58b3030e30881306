using Trace.Chain.Contracts.Registries;
using Trace.Crypto;

namespace Trace.Node.Access;

/// <summary>What a valid access token says: the key that signed in, its participant, and the roles it had then.</summary>
public sealed record AccessToken(EthereumAddress Key, string? ParticipantId, ParticipantRoles RolesAtSignIn, bool AdminAtSignIn, DateTimeOffset ExpiresAt);
