using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Trace.Crypto;

namespace Trace.Node.Access;

/// <summary>
/// The open sign-in challenges: each nonce is issued for one address, answered at most once, and forgotten when
/// it expires. Kept in memory, bounded by <see cref="AccessOptions.MaxOpenChallenges"/>.
/// </summary>
/// <remarks>
/// Memory, not the database: a challenge lives minutes, losing the open ones on restart only asks their holders to
/// request another, and a nonce store on disk would turn every sign-in attempt into a write. Single-use holds
/// because a nonce is removed atomically by the first SignIn naming it, whatever that attempt's outcome.
/// </remarks>
public sealed class SignInChallenges(IOptions<AccessOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, OpenChallenge> _open = new(StringComparer.Ordinal);
    private long _lastSweep;

    /// <summary>An issued challenge: who may answer it and until when.</summary>
    public sealed record OpenChallenge(EthereumAddress Address, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);

    /// <summary>Open challenges now (expired ones not yet swept included).</summary>
    public int Count => _open.Count;

    /// <summary>Issues a fresh nonce for <paramref name="address"/>.</summary>
    /// <exception cref="TooManyChallengesException">the store is full of unexpired challenges.</exception>
    public (string Nonce, OpenChallenge Challenge) Issue(EthereumAddress address)
    {
        var now = clock.GetUtcNow();
        if (_open.Count >= options.Value.MaxOpenChallenges) Sweep(now, force: true);
        else Sweep(now, force: false);
        if (_open.Count >= options.Value.MaxOpenChallenges) throw new TooManyChallengesException();
        // 128 random bits as 32 hex digits: alphanumeric as EIP-4361 requires, unguessable.
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var challenge = new OpenChallenge(address, now, now + options.Value.ChallengeLifetime);
        _open[nonce] = challenge;
        return (nonce, challenge);
    }

    /// <summary>Removes and returns the challenge of <paramref name="nonce"/>; null when unknown, used or swept.</summary>
    public OpenChallenge? Take(string nonce) => _open.TryRemove(nonce, out var challenge) ? challenge : null;

    private void Sweep(DateTimeOffset now, bool force)
    {
        // At most once a second unless full: a sweep walks every open challenge.
        var tick = now.ToUnixTimeSeconds();
        if (!force && Interlocked.Exchange(ref _lastSweep, tick) == tick) return;
        foreach (var (nonce, challenge) in _open)
            if (challenge.ExpiresAt <= now) _open.TryRemove(nonce, out _);
    }
}
