using System.Collections.Concurrent;
using Grpc.Core;
using Trace.Crypto;

namespace Trace.Client.Access;

/// <summary>
/// Access tokens per key, signed in once and reused until shortly before they expire (a fifth of their lifetime, at
/// least 10 s, is kept as a margin), so a client signs in once per key, not once per call.
/// </summary>
public sealed class AccessTokenCache(CallInvoker invoker, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly ConcurrentDictionary<EthereumAddress, Lazy<Task<(string Token, DateTimeOffset RenewAt)>>> _tokens = new();

    /// <summary>A valid token of <paramref name="key"/>, signing in when none is cached or it is about to expire.</summary>
    public async Task<string> GetAsync(EthereumKey key, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        while (true)
        {
            var entry = _tokens.GetOrAdd(key.Address, _ => new Lazy<Task<(string, DateTimeOffset)>>(() => SignInAsync(key)));
            try
            {
                var (token, renewAt) = await entry.Value.WaitAsync(ct).ConfigureAwait(false);
                if (renewAt > _clock.GetUtcNow()) return token;
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                _tokens.TryRemove(new KeyValuePair<EthereumAddress, Lazy<Task<(string, DateTimeOffset)>>>(key.Address, entry));
                throw;
            }
            _tokens.TryRemove(new KeyValuePair<EthereumAddress, Lazy<Task<(string, DateTimeOffset)>>>(key.Address, entry));
        }
    }

    /// <summary>Forgets the token of <paramref name="key"/> (e.g. after the node refused it).</summary>
    public void Forget(EthereumAddress key) => _tokens.TryRemove(key, out _);

    private async Task<(string, DateTimeOffset)> SignInAsync(EthereumKey key)
    {
        var now = _clock.GetUtcNow();
        // Not the caller's token: one caller cancelling must not fail the others waiting for the same sign-in.
        var response = await SignInClient.SignInAsync(invoker, key, CancellationToken.None).ConfigureAwait(false);
        var expires = response.ExpiresAt.ToDateTimeOffset();
        var margin = TimeSpan.FromTicks(Math.Max((expires - now).Ticks / 5, TimeSpan.FromSeconds(10).Ticks));
        return (response.AccessToken, expires - margin);
    }
}
