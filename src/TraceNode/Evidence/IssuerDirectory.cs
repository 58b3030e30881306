using System.Collections.Concurrent;
using System.Numerics;
using Microsoft.Extensions.Options;
using Trace.Crypto;
using Trace.Node.Chain;

namespace Trace.Node.Evidence;

/// <summary>
/// Answers "may this key issue evidence now?" from the on-chain ParticipantRegistry, caching each
/// answer briefly so a burst of submissions from one supplier costs one eth_call.
/// </summary>
public sealed class IssuerDirectory(TraceContracts contracts, IOptions<EvidenceOptions> options, TimeProvider clock)
{
    /// <summary>Supplier | carrier | verifier: the roles that may issue evidence (docs/contracts.md).</summary>
    public const ushort IssuingRoles = 2 | 4 | 8;

    private readonly ConcurrentDictionary<EthereumAddress, (IssuerStanding Standing, DateTimeOffset Until)> _cache = new();

    public async Task<IssuerStanding> GetStandingAsync(EthereumAddress issuer, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(issuer, out var cached) && cached.Until > now) return cached.Standing;
        var result = await contracts.ParticipantRegistry.CallAsync(
            "standingAt", [issuer, IssuingRoles, new BigInteger(now.ToUnixTimeSeconds())], ct: ct).ConfigureAwait(false);
        var standing = (IssuerStanding)(byte)(BigInteger)result[0]!;
        _cache[issuer] = (standing, now + options.Value.IssuerCacheDuration);
        return standing;
    }

    /// <summary>Forgets cached answers (e.g. after a registry change made through this node).</summary>
    public void Invalidate() => _cache.Clear();
}
