using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Trace.Domain;
using Trace.Node.Anchoring;
using Trace.Node.Chain;
using Trace.Node.Storage;
using Trace.Node.Tests.Storage;

namespace Trace.Node.Tests.Anchoring;

/// <summary>Per test: a migrated SQLite file, a store on a manual clock, and an in-memory chain behind the anchoring seam.</summary>
public abstract class AnchoringTestBase : StoreTestBase
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"trace-anchoring-{Guid.NewGuid():N}");

    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    protected FakeAnchoringChain Chain { get; } = new();

    protected AnchoringOptions Settings { get; } = new()
    {
        PollIntervalMilliseconds = 10,
        InitialRetryDelayMilliseconds = 10,
        MaxRetryDelayMilliseconds = 50,
        DropTimeoutMilliseconds = 30_000,
    };

    protected ChainOptions ChainSettings { get; } = new() { Confirmations = 1 };

    protected override Task<TraceStorageOptions> CreateOptionsAsync() =>
        Task.FromResult(new TraceStorageOptions { Provider = StorageProvider.Sqlite, DataDirectory = _directory });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    protected BatchAnchorer NewAnchorer() =>
        new(Chain, Store, Options.Create(Settings), Clock, NullLogger<BatchAnchorer>.Instance);

    protected ConfirmationTracker NewTracker() =>
        new(Chain, Store, Options.Create(ChainSettings), NullLogger<ConfirmationTracker>.Instance);

    protected AnchoringService NewService() =>
        new(Chain, Store, NewAnchorer(), NewTracker(), Options.Create(Settings), Clock, NullLogger<AnchoringService>.Instance);

    /// <summary>Queues <paramref name="count"/> claims straight into the store and closes one batch over them.</summary>
    protected async Task<AnchorBatch> CloseBatchAsync(int count = 3)
    {
        for (var i = 0; i < count; i++) await Store.AddAcceptedClaimAsync(Claims.Random(), CancellationToken.None);
        return (await Store.CreateBatchAsync(count, MerkleBatchTree.Build, CancellationToken.None))!;
    }

    /// <summary>Hex of bytes, so tuples of them compare by value.</summary>
    protected static string? H(byte[]? bytes) => bytes is null ? null : Convert.ToHexString(bytes);

    protected async Task<AnchorBatch> BatchAsync(long id) => (await Store.GetBatchAsync(id, CancellationToken.None))!;

    /// <summary>Polls the store until <paramref name="done"/> holds for the batch, or fails after <see cref="Patience"/>.</summary>
    protected async Task<AnchorBatch> WaitForBatchAsync(long id, Func<AnchorBatch, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var batch = await BatchAsync(id);
            if (done(batch)) return batch;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"batch {id} stayed {batch.State} (attempts {batch.SendAttempts})");
            await Task.Delay(10);
        }
    }

    /// <summary>How many times each record of the batch was reported with <paramref name="change"/> in the feed.</summary>
    protected async Task<IReadOnlyList<int>> FeedCountsAsync(long batchId, RecordChange change)
    {
        var counts = new List<int>();
        foreach (var record in await Store.ListBatchRecordsAsync(batchId, CancellationToken.None))
            counts.Add((await Store.ReadStatusChangesAsync(0, 1000, record.Id, CancellationToken.None)).Count(c => c.Change == change));
        return counts;
    }
}
