using Trace.Chain.Contracts.Registries;

namespace Trace.Node.Access;

/// <summary>
/// Turns a call's <c>authorization</c> metadata into its <see cref="Caller"/>: the token's key with that key's CURRENT
/// standing in the registry (roles, suspension, retirement, admin), not the one written in the token.
/// </summary>
public sealed class CallerResolver(AccessTokens tokens, KeyStandings standings)
{
    private const string Scheme = "Bearer ";

    /// <summary>The caller of a call whose <c>authorization</c> value is <paramref name="authorization"/> (null: none sent).</summary>
    /// <exception cref="SignInRefusedException">
    /// a token was sent but is malformed, forged, for another node or expired; or its key is retired, its participant
    /// suspended or the key is no longer registered (and holds no admin role). The message says which.
    /// </exception>
    public async Task<Caller> ResolveAsync(string? authorization, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(authorization)) return Caller.Anonymous;
        if (!authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || authorization.Length == Scheme.Length)
            throw new SignInRefusedException("authorization: expected \"Bearer <access token>\" (the token SignInService.SignIn returned)");
        var token = await tokens.ValidateAsync(authorization[Scheme.Length..].Trim()).ConfigureAwait(false);
        var standing = await standings.GetAsync(token.Key, ct).ConfigureAwait(false);
        if (standing.IsActiveParticipantKey) return new Caller(standing.ParticipantId, token.Key, standing.Roles, standing.IsAdmin);
        // An admin key whose participant standing lapsed keeps its admin rights, and only those.
        if (standing.IsAdmin) return new Caller(null, token.Key, ParticipantRoles.None, true);
        if (!standing.IsRegistered) throw new SignInRefusedException($"authorization: key {token.Key} is not registered in the ParticipantRegistry (and holds no admin role)");
        if (standing.RetiredAt is { } retired)
            throw new SignInRefusedException($"authorization: key {token.Key} was retired at {SiweMessage.Timestamp(retired)}; sign in with an active key");
        throw new SignInRefusedException($"authorization: participant {standing.ParticipantId} is suspended");
    }
}
