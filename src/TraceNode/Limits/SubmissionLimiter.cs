using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Trace.Crypto;
using Trace.Node.ContentAccess;
using Trace.Node.Storage;

namespace Trace.Node.Limits;

/// <summary>
/// Enforces <see cref="SubmissionLimitsOptions"/> per participant (the owner of the claim's issuer key). The rate is a
/// token bucket per participant in memory. Stored bytes are counted from the index itself (the sum of the content
/// lengths of each participant's records, read once on first use), then kept up to date as records are accepted: the
/// count survives restarts because the records do.
/// </summary>
public sealed class SubmissionLimiter(IOptions<SubmissionLimitsOptions> options, IParticipantKeys keys,
    IDbContextFactory<TraceDbContext> contexts, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _stored = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile bool _loaded;

    /// <summary>The participant an issuer key belongs to (its key text when the registry does not know it).</summary>
    public async Task<string> ParticipantOfAsync(EthereumAddress issuer, CancellationToken ct) =>
        await keys.ParticipantOfAsync(issuer, ct).ConfigureAwait(false) ?? issuer.ToString();

    /// <summary>Takes one record from <paramref name="participant"/>'s rate.</summary>
    /// <exception cref="SubmissionLimitExceededException">the participant's bucket is empty.</exception>
    public void TakeRecord(string participant)
    {
        var settings = options.Value;
        if (settings.RecordsPerSecond <= 0) return;
        var bucket = _buckets.GetOrAdd(participant, _ => new TokenBucket(settings.RecordsPerSecond, Math.Max(1, settings.RecordsBurst), clock.GetTimestamp()));
        if (!bucket.TryTake(clock.GetTimestamp(), clock.TimestampFrequency))
            throw new SubmissionLimitExceededException($"{SubmissionLimitsOptions.SectionName}:RecordsPerSecond",
                $"participant {participant} exceeded its submission rate ({SubmissionLimitsOptions.SectionName}:RecordsPerSecond = {settings.RecordsPerSecond} records/s, burst {settings.RecordsBurst}); retry later");
    }

    /// <summary>Refuses early when <paramref name="bytes"/> more would not fit in the quota (nothing is reserved).</summary>
    public async Task CheckQuotaAsync(string participant, long bytes, CancellationToken ct)
    {
        var quota = options.Value.StorageQuotaBytes;
        if (quota <= 0) return;
        await EnsureLoadedAsync(ct).ConfigureAwait(false);
        var used = _stored.GetValueOrDefault(participant);
        if (used + bytes > quota) throw QuotaExceeded(participant, used, bytes, quota);
    }

    /// <summary>
    /// Counts <paramref name="bytes"/> against <paramref name="participant"/>'s quota; release it (see
    /// <see cref="Release"/>) when the record turns out not to be new or is refused.
    /// </summary>
    /// <exception cref="SubmissionLimitExceededException">the bytes do not fit.</exception>
    public async Task ReserveAsync(string participant, long bytes, CancellationToken ct)
    {
        var quota = options.Value.StorageQuotaBytes;
        await EnsureLoadedAsync(ct).ConfigureAwait(false);
        while (true)
        {
            var used = _stored.GetOrAdd(participant, 0);
            if (quota > 0 && used + bytes > quota) throw QuotaExceeded(participant, used, bytes, quota);
            if (_stored.TryUpdate(participant, used + bytes, used)) return;
        }
    }

    /// <summary>Gives back a reservation of a record that was not stored as new.</summary>
    public void Release(string participant, long bytes) => _stored.AddOrUpdate(participant, 0, (_, used) => Math.Max(0, used - bytes));

    /// <summary>Bytes counted for <paramref name="participant"/> (after the first load).</summary>
    public async Task<long> StoredBytesAsync(string participant, CancellationToken ct)
    {
        await EnsureLoadedAsync(ct).ConfigureAwait(false);
        return _stored.GetValueOrDefault(participant);
    }

    private static SubmissionLimitExceededException QuotaExceeded(string participant, long used, long bytes, long quota) =>
        new($"{SubmissionLimitsOptions.SectionName}:StorageQuotaBytes",
            $"participant {participant} would exceed its storage quota ({SubmissionLimitsOptions.SectionName}:StorageQuotaBytes = {quota} bytes): {used} stored, {bytes} more submitted");

    // One pass over the index, grouped by issuer key, then each key mapped to its participant.
    private async Task EnsureLoadedAsync(CancellationToken ct)
    {
        if (_loaded) return;
        await _loading.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_loaded) return;
            await using var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
            var perKey = await db.Records.AsNoTracking().GroupBy(r => r.Issuer)
                .Select(g => new { Issuer = g.Key, Bytes = g.Sum(r => r.ContentLength) }).ToListAsync(ct).ConfigureAwait(false);
            foreach (var row in perKey)
            {
                var participant = await ParticipantOfAsync(EthereumAddress.Parse(row.Issuer), ct).ConfigureAwait(false);
                _stored.AddOrUpdate(participant, row.Bytes, (_, used) => used + row.Bytes);
            }
            _loaded = true;
        }
        finally
        {
            _loading.Release();
        }
    }
}
