using Microsoft.Extensions.Logging.Abstractions;
using Trace.Domain;
using Trace.Node.Storage;
using Trace.Node.Tests.Storage;

namespace Trace.Node.Tests.Anchoring;

/// <summary>The batcher's close rules (N claims or T milliseconds) and its wake-up by the claim commit queue.</summary>
public sealed class AnchoringServiceTests : AnchoringTestBase
{
    // The chain mines nothing here, so closed batches stay unfinished and can be listed.
    private Task<IReadOnlyList<AnchorBatch>> BatchesAsync() => Store.ListUnfinishedBatchesAsync(CancellationToken.None);

    private async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition() && DateTime.UtcNow < deadline) await Task.Delay(10);
    }

    [Fact]
    public async Task Commit_queue_wakes_the_batcher_when_N_claims_wait()
    {
        Settings.MaxBatchSize = 4;
        Settings.MaxBatchDelayMilliseconds = 3_600_000;
        Settings.PollIntervalMilliseconds = 3_600_000; // only the wake-up can close the batch in time
        using var service = NewService();
        await using var commits = new ClaimCommitQueue(Store, [service], NullLogger<ClaimCommitQueue>.Instance);
        await service.StartAsync(CancellationToken.None);
        await Task.Delay(200); // its first look finds the queue empty

        for (var i = 0; i < 3; i++) await commits.AddAsync(Claims.Random(), CancellationToken.None);
        await Task.Delay(300);
        Assert.Empty(await BatchesAsync());

        await commits.AddAsync(Claims.Random(), CancellationToken.None);
        await WaitUntilAsync(async () => (await BatchesAsync()).Count > 0);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(4, Assert.Single(await BatchesAsync()).LeafCount);
        Assert.Equal(0, (await Store.GetQueueInfoAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Small_batch_closes_once_its_oldest_claim_has_waited_T()
    {
        Settings.MaxBatchSize = 100;
        Settings.MaxBatchDelayMilliseconds = 1_000;
        for (var i = 0; i < 2; i++) await Store.AddAcceptedClaimAsync(Claims.Random(), CancellationToken.None);
        using var service = NewService();
        await service.StartAsync(CancellationToken.None);

        await Task.Delay(300);
        Assert.Empty(await BatchesAsync());

        Clock.Advance(TimeSpan.FromMilliseconds(1_000));
        await WaitUntilAsync(async () => (await BatchesAsync()).Count > 0);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(2, Assert.Single(await BatchesAsync()).LeafCount);
    }

    [Fact]
    public async Task Batch_closes_at_N_claims_with_more_waiting_and_the_rest_follow()
    {
        Settings.MaxBatchSize = 3;
        Settings.MaxBatchDelayMilliseconds = 3_600_000;
        for (var i = 0; i < 7; i++) await Store.AddAcceptedClaimAsync(Claims.Random(), CancellationToken.None);
        using var service = NewService();
        await service.StartAsync(CancellationToken.None);

        await WaitUntilAsync(async () => (await BatchesAsync()).Count >= 2);
        await Task.Delay(200);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal([3, 3], (await BatchesAsync()).Select(b => b.LeafCount));
        Assert.Equal(1, (await Store.GetQueueInfoAsync(CancellationToken.None)).Count); // one claim, younger than T, waits
    }
}
