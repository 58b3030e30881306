using Trace.Chain.Contracts.Registries;
using Trace.Crypto;

namespace Trace.Node.Access;

/// <summary>A successful sign-in: the access token and what it says.</summary>
public sealed record SignInResult(string Token, DateTimeOffset ExpiresAt, EthereumAddress Key, string? ParticipantId, ParticipantRoles Roles, bool IsAdmin);
