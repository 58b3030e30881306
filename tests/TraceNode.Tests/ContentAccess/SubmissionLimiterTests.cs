using Microsoft.Extensions.Options;
using Trace.Crypto;
using Trace.Node.ContentAccess;
using Trace.Node.Limits;
using Trace.Node.Tests.Lineage;

namespace Trace.Node.Tests.ContentAccess;

/// <summary>Per-participant rate and storage quota: refused at once naming the setting, others untouched, the count survives a restart.</summary>
public sealed class SubmissionLimiterTests : IAsyncLifetime
{
    private readonly LineageHarness _lineage = new();
    private readonly SteppedClock _clock = new();

    public Task InitializeAsync() => _lineage.InitializeAsync();

    public Task DisposeAsync() => _lineage.DisposeAsync();

    private SubmissionLimiter Limiter(double rate = 0, double burst = 1, long quota = 0, IParticipantKeys? keys = null) =>
        new(Options.Create(new SubmissionLimitsOptions { RecordsPerSecond = rate, RecordsBurst = burst, StorageQuotaBytes = quota }),
            keys ?? new OwnKeys(), _lineage.Contexts, _clock);

    [Fact]
    public void Past_its_burst_a_participant_is_refused_naming_the_setting_while_another_is_not_and_the_bucket_refills()
    {
        var limiter = Limiter(rate: 2, burst: 3);
        for (var i = 0; i < 3; i++) limiter.TakeRecord("lei:A");

        var refused = Assert.Throws<SubmissionLimitExceededException>(() => limiter.TakeRecord("lei:A"));

        Assert.Equal("Trace:Limits:RecordsPerSecond", refused.Setting);
        Assert.Contains("lei:A", refused.Message);
        limiter.TakeRecord("lei:B"); // another participant is not slowed
        _clock.Advance(TimeSpan.FromMilliseconds(500)); // one record at 2 records/s
        limiter.TakeRecord("lei:A");
        Assert.Throws<SubmissionLimitExceededException>(() => limiter.TakeRecord("lei:A"));
    }

    [Fact]
    public async Task The_quota_counts_reservations_gives_back_released_ones_and_refuses_the_excess()
    {
        var limiter = Limiter(quota: 1000);
        await limiter.ReserveAsync("lei:A", 600, CancellationToken.None);
        await limiter.ReserveAsync("lei:A", 300, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<SubmissionLimitExceededException>(() => limiter.ReserveAsync("lei:A", 200, CancellationToken.None));

        Assert.Equal("Trace:Limits:StorageQuotaBytes", refused.Setting);
        Assert.Contains("900 stored", refused.Message);
        await limiter.ReserveAsync("lei:B", 1000, CancellationToken.None);
        limiter.Release("lei:A", 300);
        await limiter.ReserveAsync("lei:A", 400, CancellationToken.None);
        await Assert.ThrowsAsync<SubmissionLimitExceededException>(() => limiter.CheckQuotaAsync("lei:A", 1, CancellationToken.None));
    }

    [Fact]
    public async Task Stored_bytes_are_counted_from_the_index_so_a_restart_keeps_them()
    {
        // Two keys of one participant, 1234 content bytes per record in the index.
        var first = EthereumKey.Generate().Address;
        var second = EthereumKey.Generate().Address;
        var keys = new OwnKeys { [first] = "lei:A", [second] = "lei:A" };
        await _lineage.EvidenceAsync(first);
        await _lineage.EvidenceAsync(second);

        var restarted = Limiter(quota: 3000, keys: keys);

        Assert.Equal(2468, await restarted.StoredBytesAsync("lei:A", CancellationToken.None));
        await Assert.ThrowsAsync<SubmissionLimitExceededException>(() => restarted.ReserveAsync("lei:A", 600, CancellationToken.None));
        Assert.Equal("lei:A", await restarted.ParticipantOfAsync(first, CancellationToken.None));
    }

    private sealed class SteppedClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => 1000;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += (long)by.TotalMilliseconds;
    }

    /// <summary>Key owners as the registry would answer them.</summary>
    private sealed class OwnKeys : Dictionary<EthereumAddress, string>, IParticipantKeys
    {
        public Task<string?> ParticipantOfAsync(EthereumAddress key, CancellationToken ct) => Task.FromResult(TryGetValue(key, out var p) ? p : null);

        public Task<bool> IsRegisteredAsync(string participantId, CancellationToken ct) => Task.FromResult(ContainsValue(participantId));
    }
}
