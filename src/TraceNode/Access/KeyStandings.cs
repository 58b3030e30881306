using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Trace.Chain.Contracts.Registries;
using Trace.Crypto;
using Trace.Node.Chain;

namespace Trace.Node.Access;

/// <summary>
/// The current standing of participant keys (owner, roles, suspension, retirement, admin), read from the
/// ParticipantRegistry and cached until <see cref="KeyStandingFollower"/> sees a registry event that may change it.
/// </summary>
/// <remarks>
/// Any ParticipantRegistered, KeyAdded, KeyRetired, ParticipantSuspended/Reactivated, RolesGranted/Revoked or
/// RoleGranted/Revoked event clears the whole cache: they are rare, and re-reading every key in use costs a few
/// eth_calls, where a per-key rule would have to know which keys each event touches. A cached answer is also dropped
/// after Trace:Access:StandingCacheDuration, in case the follower lost events (chain unreachable for a while).
/// </remarks>
public sealed class KeyStandings(TraceContracts contracts, IOptions<AccessOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<EthereumAddress, (KeyStandingEntry Entry, DateTimeOffset Until)> _byKey = new();
    private readonly ConcurrentDictionary<string, (IReadOnlyList<EthereumAddress> Keys, DateTimeOffset Until)> _keysByParticipant = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>Raised after the cache was cleared (a registry event or an explicit <see cref="InvalidateAll"/>).</summary>
    public event Action? Invalidated;

    /// <summary>The current standing of <paramref name="key"/>.</summary>
    public async Task<KeyStandingEntry> GetAsync(EthereumAddress key, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_byKey.TryGetValue(key, out var cached) && cached.Until > now) return cached.Entry;
        var generation = Interlocked.Read(ref _generation);
        var entry = await ReadAsync(key, ct).ConfigureAwait(false);
        // A registry event seen while reading may have made this answer stale: use it for this call, do not keep it.
        if (Interlocked.Read(ref _generation) == generation) _byKey[key] = (entry, now + options.Value.StandingCacheDuration);
        return entry;
    }

    /// <summary>Every key ever added to <paramref name="participantId"/> (directory form or 0x hex), retired ones included, in order.</summary>
    public async Task<IReadOnlyList<EthereumAddress>> KeysOfAsync(string participantId, CancellationToken ct)
    {
        var id = ParticipantIdText.Parse(participantId);
        var text = ParticipantIdText.Format(id);
        var now = clock.GetUtcNow();
        if (_keysByParticipant.TryGetValue(text, out var cached) && cached.Until > now) return cached.Keys;
        var generation = Interlocked.Read(ref _generation);
        await contracts.Ready.WaitAsync(ct).ConfigureAwait(false);
        var keys = await contracts.Participants.ParticipantKeysAsync(id, ct).ConfigureAwait(false);
        if (Interlocked.Read(ref _generation) == generation) _keysByParticipant[text] = (keys, now + options.Value.StandingCacheDuration);
        return keys;
    }

    /// <summary>True when <paramref name="key"/> is registered to <paramref name="participantId"/> (retired or not).</summary>
    public async Task<bool> BelongsToAsync(EthereumAddress key, string participantId, CancellationToken ct)
    {
        var entry = await GetAsync(key, ct).ConfigureAwait(false);
        return entry.ParticipantIdBytes is { } id && id.AsSpan().SequenceEqual(ParticipantIdText.Parse(participantId));
    }

    /// <summary>Forgets every cached answer (a registry change made through this node takes effect on the next call).</summary>
    public void InvalidateAll()
    {
        Interlocked.Increment(ref _generation);
        _byKey.Clear();
        _keysByParticipant.Clear();
        Invalidated?.Invoke();
    }

    private async Task<KeyStandingEntry> ReadAsync(EthereumAddress key, CancellationToken ct)
    {
        await contracts.Ready.WaitAsync(ct).ConfigureAwait(false);
        var registry = contracts.Participants;
        var infoTask = registry.KeyInfoAsync(key, ct);
        var adminTask = registry.IsAdminAsync(key, ct);
        var info = await infoTask.ConfigureAwait(false);
        var admin = await adminTask.ConfigureAwait(false);
        if (!info.IsRegistered) return new KeyStandingEntry(key, null, null, ParticipantRoles.None, false, null, admin);
        var participant = await registry.ParticipantAsync(info.ParticipantId, ct).ConfigureAwait(false);
        DateTimeOffset? retiredAt = info.IsRetired ? DateTimeOffset.FromUnixTimeSeconds((long)info.RetiredAt) : null;
        return new KeyStandingEntry(key, ParticipantIdText.Format(info.ParticipantId), info.ParticipantId, participant.Roles, participant.Active, retiredAt, admin);
    }
}
