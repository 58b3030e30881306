using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Trace.Api.Pact;

/// <summary>
/// OAuth2 client credentials for the PACT API: checks a client's secret against its configured SHA-256 (in fixed time)
/// and issues opaque random bearer tokens, held only in memory as their SHA-256 (a token never lands in a log, a file or
/// the database). Tokens do not survive a restart and are valid on the instance that issued them.
/// </summary>
public sealed class PactTokens(IOptions<PactApiOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (PactClient Client, DateTimeOffset Expires)> _tokens = new(StringComparer.Ordinal);

    /// <summary>The client these credentials authenticate, or null.</summary>
    public PactClient? Authenticate(string clientId, string secret)
    {
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        PactClient? match = null;
        foreach (var client in options.Value.Clients)
        {
            // Compare every configured hash so the time taken does not say which client ids exist.
            var expected = Convert.FromHexString(client.SecretSha256);
            var idMatches = string.Equals(client.ClientId, clientId, StringComparison.Ordinal);
            if (CryptographicOperations.FixedTimeEquals(given, expected) & idMatches) match = client;
        }
        return match;
    }

    /// <summary>A fresh token for <paramref name="client"/> and its lifetime in seconds.</summary>
    public (string Token, int ExpiresIn) Issue(PactClient client)
    {
        var now = clock.GetUtcNow();
        foreach (var (key, entry) in _tokens)
            if (entry.Expires < now.AddDays(-1)) _tokens.TryRemove(key, out _); // expired a day ago: no longer answered as TokenExpired
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var lifetime = client.TokenLifetimeSeconds ?? options.Value.TokenLifetimeSeconds;
        _tokens[Key(token)] = (client, now.AddSeconds(lifetime));
        return (token, lifetime);
    }

    /// <summary>What a bearer token is: its client, or expired, or unknown.</summary>
    public (PactClient? Client, bool Expired) Check(string token)
    {
        if (!_tokens.TryGetValue(Key(token), out var entry)) return (null, false);
        return entry.Expires <= clock.GetUtcNow() ? (null, true) : (entry.Client, false);
    }

    private static string Key(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
