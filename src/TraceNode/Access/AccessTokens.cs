using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Trace.Chain.Contracts.Registries;
using Trace.Crypto;

namespace Trace.Node.Access;

/// <summary>Issues and checks Trace access tokens: JWTs signed with HS256 (<see cref="TokenSigningKey"/>), claims per <see cref="TraceClaimTypes"/>.</summary>
public sealed class AccessTokens
{
    /// <summary>The "iss" of every token.</summary>
    public const string Issuer = "trace";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly IOptions<AccessOptions> _options;
    private readonly TimeProvider _clock;
    private readonly Lazy<SymmetricSecurityKey> _key;
    private readonly Lazy<TokenValidationParameters> _validation;

    public AccessTokens(TokenSigningKey key, IOptions<AccessOptions> options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
        _key = new(() => new SymmetricSecurityKey(key.Bytes));
        _validation = new(() => new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = options.Value.Domain,
            IssuerSigningKey = _key.Value,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            // Expiry is checked below against the node's clock, so tests can drive it; the library's own check is off.
            ValidateLifetime = false,
        });
    }

    /// <summary>Signs a token for <paramref name="key"/> valid for Trace:Access:TokenLifetime from now.</summary>
    public (string Token, DateTimeOffset ExpiresAt) Issue(EthereumAddress key, string? participantId, ParticipantRoles roles, bool admin)
    {
        var now = _clock.GetUtcNow();
        var expires = now + _options.Value.TokenLifetime;
        var claims = new Dictionary<string, object>
        {
            [TraceClaimTypes.Key] = key.ToString(),
            [TraceClaimTypes.Roles] = string.Join(' ', RoleNames.Of(roles)),
            [TraceClaimTypes.Admin] = admin ? "true" : "false",
        };
        if (participantId is not null) claims[TraceClaimTypes.Participant] = participantId;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = _options.Value.Domain,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(_key.Value, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }

    /// <summary>Checks signature, issuer, audience and expiry of <paramref name="token"/>.</summary>
    /// <exception cref="SignInRefusedException">the token is malformed, forged, for another node or expired; the message says which.</exception>
    public async Task<AccessToken> ValidateAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, _validation.Value).ConfigureAwait(false);
        if (!result.IsValid)
            throw new SignInRefusedException(result.Exception switch
            {
                SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "authorization: the access token's signature is not this node's",
                SecurityTokenInvalidAudienceException or SecurityTokenInvalidIssuerException => "authorization: the access token was issued for another node",
                SecurityTokenMalformedException or ArgumentException => "authorization: not a well-formed access token (JWT)",
                _ => "authorization: the access token is invalid",
            });
        var jwt = (JsonWebToken)result.SecurityToken;
        var expires = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero);
        var now = _clock.GetUtcNow();
        if (expires <= now) throw new SignInRefusedException($"authorization: the access token expired at {SiweMessage.Timestamp(expires)}; sign in again");
        if (jwt.ValidFrom > now.UtcDateTime.AddMinutes(1)) throw new SignInRefusedException("authorization: the access token is not valid yet");
        if (!jwt.TryGetPayloadValue<string>(TraceClaimTypes.Key, out var keyText) || !EthereumAddress.TryParse(keyText, out var key))
            throw new SignInRefusedException("authorization: the access token names no key");
        jwt.TryGetPayloadValue<string>(TraceClaimTypes.Participant, out var participant);
        jwt.TryGetPayloadValue<string>(TraceClaimTypes.Roles, out var roles);
        jwt.TryGetPayloadValue<string>(TraceClaimTypes.Admin, out var admin);
        return new AccessToken(key, string.IsNullOrEmpty(participant) ? null : participant, RoleNames.Parse(roles ?? ""),
            string.Equals(admin, "true", StringComparison.Ordinal), expires);
    }
}
