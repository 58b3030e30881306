using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Trace.Chain.Contracts.Registries;
using Trace.Crypto;
using Trace.Node.Chain;

namespace Trace.Node.Access;

/// <summary>
/// Sign-in with a participant's own key: builds the EIP-4361 challenge for an address, then checks the signed message
/// (format, single-use nonce, domain, uri, version, chain id, expiry, personal_sign recovery, the key's standing in the
/// registry) and issues an access token.
/// </summary>
public sealed partial class SiweSignIn(
    SignInChallenges challenges,
    AccessTokens tokens,
    KeyStandings standings,
    ChainConnection chain,
    IOptions<AccessOptions> options,
    TimeProvider clock,
    ILogger<SiweSignIn> logger)
{
    /// <summary>The EIP-4361 version this node writes and accepts.</summary>
    public const string Version = "1";

    /// <summary>A fresh challenge for <paramref name="address"/>: the message to sign.</summary>
    /// <exception cref="TooManyChallengesException">too many challenges open.</exception>
    public SiweMessage Challenge(EthereumAddress address)
    {
        var (nonce, challenge) = challenges.Issue(address);
        var access = options.Value;
        return new SiweMessage(access.Domain, address, string.IsNullOrEmpty(access.Statement) ? null : access.Statement, access.Uri, Version,
            chain.ChainId, nonce, Truncate(challenge.IssuedAt), Truncate(challenge.ExpiresAt));
    }

    /// <summary>Checks <paramref name="message"/> and its personal_sign <paramref name="signature"/>, then issues a token.</summary>
    /// <exception cref="SignInRefusedException">any check failed; the message names the field and the reason.</exception>
    public async Task<SignInResult> SignInAsync(string message, EcdsaSignature signature, CancellationToken ct)
    {
        SiweMessage siwe;
        try { siwe = SiweMessage.Parse(message); }
        catch (SiweFormatException e) { throw Refuse($"message: not an EIP-4361 message ({e.Message})"); }

        // Used up first, whatever the outcome: a refused attempt cannot be retried with the same nonce.
        var challenge = challenges.Take(siwe.Nonce);
        var access = options.Value;
        if (siwe.Domain != access.Domain) throw Refuse($"message: domain {siwe.Domain} is not this node's ({access.Domain})");
        if (siwe.ChainId != chain.ChainId) throw Refuse($"message: chain id {siwe.ChainId} is not this node's chain id {chain.ChainId}");
        if (siwe.Uri != access.Uri) throw Refuse($"message: uri {siwe.Uri} is not this node's ({access.Uri})");
        if (siwe.Version != Version) throw Refuse($"message: version {siwe.Version} is not {Version}");
        if (challenge is null) throw Refuse("message: nonce is unknown or already used; ask GetSignInChallenge for a new message");
        var now = clock.GetUtcNow();
        if (challenge.ExpiresAt <= now) throw Refuse($"message: the challenge expired at {SiweMessage.Timestamp(challenge.ExpiresAt)}; ask for a new one");
        if (siwe.ExpirationTime is { } expires && expires <= now) throw Refuse($"message: Expiration Time {SiweMessage.Timestamp(expires)} has passed");
        if (siwe.NotBefore is { } notBefore && notBefore > now) throw Refuse($"message: not valid before {SiweMessage.Timestamp(notBefore)}");
        if (siwe.Address != challenge.Address) throw Refuse($"message: the nonce was issued to {challenge.Address}, not to {siwe.Address}");
        if (siwe.IssuedAt != Truncate(challenge.IssuedAt) || siwe.ExpirationTime != Truncate(challenge.ExpiresAt))
            throw Refuse("message: Issued At or Expiration Time differs from the challenge; sign the message exactly as issued");

        EthereumAddress signer;
        try
        {
            signer = Secp256k1.RecoverAddress(PersonalMessage.Hash(Encoding.UTF8.GetBytes(message)), signature);
        }
        catch (InvalidSignatureException e)
        {
            throw Refuse($"signature: {e.Message}");
        }
        if (signer != siwe.Address)
            throw Refuse($"signature: recovers {signer}, not the message's address {siwe.Address} (sign the message's UTF-8 bytes with personal_sign, EIP-191)");

        var standing = await standings.GetAsync(signer, ct).ConfigureAwait(false);
        if (!standing.IsAdmin)
        {
            if (!standing.IsRegistered) throw Refuse($"address: key {signer} is not registered in the ParticipantRegistry");
            if (standing.RetiredAt is { } retired) throw Refuse($"address: key {signer} was retired at {SiweMessage.Timestamp(retired)}");
            if (!standing.ParticipantActive) throw Refuse($"address: participant {standing.ParticipantId} is suspended");
        }
        var active = standing.IsActiveParticipantKey;
        var participant = active ? standing.ParticipantId : null;
        var roles = active ? standing.Roles : ParticipantRoles.None;
        var (token, tokenExpires) = tokens.Issue(signer, participant, roles, standing.IsAdmin);
        LogSignedIn(logger, signer.ToString(), participant ?? "(admin)", string.Join(' ', RoleNames.Of(roles)), standing.IsAdmin);
        return new SignInResult(token, tokenExpires, signer, participant, roles, standing.IsAdmin);
    }

    private SignInRefusedException Refuse(string reason)
    {
        LogRefused(logger, reason);
        return new SignInRefusedException(reason);
    }

    // The message carries milliseconds: keep the challenge's instants at that precision so they compare equal.
    private static DateTimeOffset Truncate(DateTimeOffset value) => DateTimeOffset.Parse(SiweMessage.Timestamp(value), CultureInfo.InvariantCulture);

    [LoggerMessage(8010, LogLevel.Information, "Signed in key {Key} of participant {Participant} (roles: {Roles}; admin: {Admin})")]
    private static partial void LogSignedIn(ILogger logger, string key, string participant, string roles, bool admin);

    [LoggerMessage(8011, LogLevel.Information, "Sign-in refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
