using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Trace.Chain.Contracts.Registries;
using Trace.Crypto;
using Trace.Node.Chain;

namespace Trace.Node.Evidence;

/// <summary>
/// Answers "may this key issue evidence now?" from the on-chain ParticipantRegistry, caching each
/// answer briefly so a burst of submissions from one supplier costs one eth_call.
/// </summary>
public sealed class IssuerDirectory(TraceContracts contracts, IOptions<EvidenceOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<EthereumAddress, (KeyStanding Standing, DateTimeOffset Until)> _cache = new();

    /// <summary>The key's standing for any of <see cref="IssuingRoles.Any"/> now.</summary>
    public async Task<KeyStanding> GetStandingAsync(EthereumAddress issuer, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(issuer, out var cached) && cached.Until > now) return cached.Standing;
        var result = await contracts.Participants.StandingAtAsync(issuer, IssuingRoles.Any, (ulong)now.ToUnixTimeSeconds(), ct).ConfigureAwait(false);
        var standing = result.Standing;
        _cache[issuer] = (standing, now + options.Value.IssuerCacheDuration);
        return standing;
    }

    /// <summary>Forgets cached answers (e.g. after a registry change made through this node).</summary>
    public void Invalidate() => _cache.Clear();
}
