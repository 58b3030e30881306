using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Trace.Chain.Rpc;
using Trace.Crypto;
using Trace.Node.Chain;
using Trace.Node.Storage;

namespace Trace.Node.Indexing;

/// <summary>
/// Follows every EvidenceRegistry and ParticipantRegistry event into the index from a stored cursor: the audit trail
/// (anchoring, revocation, supersession, endorsement, flag, unflag, participant changes), the open flags and the
/// endorsements records show, and revocations made outside this node.
/// </summary>
/// <remarks>
/// Reads only blocks <c>Chain:Confirmations</c> deep, in pages; each page's rows and the cursor (last block and its
/// hash, <see cref="CheckpointName"/>) commit in one transaction, so a crash repeats at most one page, and repeating
/// changes nothing (events are keyed by block and log index). Each step first checks the cursor's block hash: when
/// the chain no longer has it, the follower walks back over the hashes of the blocks it indexed
/// (<c>IndexedBlocks</c>) to the newest one still canonical, undoes every row of the blocks above (a flag goes, an
/// unflag reopens its flag, a revocation is lifted, each with a feed row), moves the cursor there and reads forward
/// again. A page is authoritative for its block range: rows the relay wrote there at once (from its own receipt)
/// that the confirmed logs do not hold are undone too.
/// The ParticipantRegistry's events also reach <see cref="Access.KeyStandingFollower"/>, which reads the head with no
/// depth to drop cached standings at once; this follower records them, deep and reorg-safe, for the audit trail.
/// </remarks>
public sealed partial class RegistryEventFollower(
    TraceContracts contracts,
    ChainConnection chain,
    TraceStore store,
    RegistryLogDecoder decoder,
    IOptions<IndexingOptions> options,
    IOptions<ChainOptions> chainOptions,
    TimeProvider clock,
    ILogger<RegistryEventFollower> logger) : BackgroundService
{
    /// <summary>The cursor this follower keeps.</summary>
    public const string CheckpointName = "registry-events";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        try
        {
            await contracts.Ready.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) { return; }
        catch (Exception) { return; } // the contracts never came up: the host reports that itself

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CatchUpAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex); // chain or database unavailable: the next poll resumes from the cursor
            }
            try { await Task.Delay(options.Value.PollInterval, clock, stoppingToken).ConfigureAwait(false); }
            catch (OperationCanceledException) { break; }
        }
    }

    /// <summary>Rewinds past a reorganisation if there was one, then indexes every confirmed block after the cursor.</summary>
    public async Task CatchUpAsync(CancellationToken ct)
    {
        var head = await chain.Eth.BlockNumberAsync(ct).ConfigureAwait(false);
        var depth = (ulong)Math.Max(1, chainOptions.Value.Confirmations);
        var resolver = new RegistryEventResolver(contracts, chain, decoder);
        var cursor = await store.GetCheckpointAsync(CheckpointName, ct).ConfigureAwait(false);
        if (cursor is not null) cursor = await RewindIfReorganisedAsync(cursor, resolver, ct).ConfigureAwait(false);
        if (head + 1 < depth) return;
        var safe = head + 1 - depth;
        var first = contracts.Deployment.DeployedAtBlock;
        var from = cursor is null ? first : (ulong)(cursor.BlockNumber + 1);
        if (from > safe) return;

        var deployment = contracts.Deployment;
        var filter = new LogFilter(from, safe, [deployment.EvidenceRegistry, deployment.ParticipantRegistry]);
        await foreach (var (logs, through) in new LogPager(chain.Eth).ReadAsync(filter, ct).ConfigureAwait(false))
        {
            var pageFrom = (long)from;
            var events = await resolver.ResolveAsync(logs, ct).ConfigureAwait(false);
            var end = await resolver.BlockAsync(through, ct).ConfigureAwait(false) ?? throw new InvalidOperationException($"block {through} is missing");
            var now = StorageTime.Normalize(clock.GetUtcNow());
            var feed = 0;
            await using (var db = store.OpenContext())
            {
                using var turn = await store.WriteTurnAsync(ct).ConfigureAwait(false);
                await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
                var keep = await CanonicalKeysAsync(db, events, ct).ConfigureAwait(false);
                feed += await RegistryEventWriter.UndoAsync(db, pageFrom, (long)through, keep, now, ct).ConfigureAwait(false);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                feed += await RegistryEventWriter.ApplyAsync(db, events, now, ct).ConfigureAwait(false);
                await store.StageCheckpointAsync(db, CheckpointName, (long)through, end.Hash, ct).ConfigureAwait(false);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                await tx.CommitAsync(ct).ConfigureAwait(false);
            }
            if (feed > 0) store.FeedWritten();
            if (events.Count > 0) LogIndexed(logger, events.Count, (ulong)pageFrom, through);
            from = through + 1;
        }
    }

    // The events of the page that the index may keep as they are: those whose block it indexed under the same hash, or not at all.
    private static async Task<HashSet<(long Block, int LogIndex)>> CanonicalKeysAsync(TraceDbContext db, IReadOnlyList<Domain.Assurance.RegistryEvent> events, CancellationToken ct)
    {
        var numbers = events.Select(e => e.BlockNumber).Distinct().ToList();
        var stored = await db.IndexedBlocks.AsNoTracking().Where(b => numbers.Contains(b.Number)).ToDictionaryAsync(b => b.Number, b => b.Hash, ct).ConfigureAwait(false);
        return events.Where(e => !stored.TryGetValue(e.BlockNumber, out var hash) || hash.AsSpan().SequenceEqual(e.BlockHash))
            .Select(e => (e.BlockNumber, e.LogIndex)).ToHashSet();
    }

    /// <summary>When the cursor's block is no longer canonical: undoes the blocks above the fork point and returns the cursor there.</summary>
    private async Task<ChainCheckpoint?> RewindIfReorganisedAsync(ChainCheckpoint cursor, RegistryEventResolver resolver, CancellationToken ct)
    {
        var block = await resolver.BlockAsync((ulong)cursor.BlockNumber, ct).ConfigureAwait(false);
        if (block is not null && block.Hash.AsSpan().SequenceEqual(cursor.BlockHash)) return cursor;

        // Newest indexed block still canonical: every block below it is canonical too (each hash commits to its parent).
        long fork = (long)contracts.Deployment.DeployedAtBlock - 1;
        await using (var db = store.OpenContext())
        {
            var candidates = db.IndexedBlocks.AsNoTracking().Where(b => b.Number < cursor.BlockNumber).OrderByDescending(b => b.Number).AsAsyncEnumerable();
            await foreach (var candidate in candidates.WithCancellation(ct).ConfigureAwait(false))
            {
                var onChain = await resolver.BlockAsync((ulong)candidate.Number, ct).ConfigureAwait(false);
                if (onChain is not null && onChain.Hash.AsSpan().SequenceEqual(candidate.Hash))
                {
                    fork = candidate.Number;
                    break;
                }
            }
        }
        var now = StorageTime.Normalize(clock.GetUtcNow());
        ChainCheckpoint? rewound = null;
        int feed;
        await using (var db = store.OpenContext())
        {
            using var turn = await store.WriteTurnAsync(ct).ConfigureAwait(false);
            await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            feed = await RegistryEventWriter.UndoAsync(db, fork + 1, long.MaxValue, new HashSet<(long, int)>(), now, ct).ConfigureAwait(false);
            if (fork >= 0 && await resolver.BlockAsync((ulong)fork, ct).ConfigureAwait(false) is { } forkBlock)
            {
                await store.StageCheckpointAsync(db, CheckpointName, fork, forkBlock.Hash, ct).ConfigureAwait(false);
                rewound = new ChainCheckpoint(CheckpointName, fork, forkBlock.Hash, now);
            }
            else
            {
                await db.Checkpoints.Where(c => c.Name == CheckpointName).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            }
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
        }
        if (feed > 0) store.FeedWritten();
        LogRewound(logger, cursor.BlockNumber, Hex.Encode(cursor.BlockHash), fork);
        return rewound;
    }

    [LoggerMessage(6000, LogLevel.Information, "Indexed {Count} registry events from blocks {From}-{Through}")]
    private static partial void LogIndexed(ILogger logger, int count, ulong from, ulong through);

    [LoggerMessage(6001, LogLevel.Warning, "Following registry events failed; retrying from the cursor")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(6002, LogLevel.Warning, "Block {Block} ({Hash}) of the registry-event cursor was reorganised away; undid the index above block {Fork} and read forward again")]
    private static partial void LogRewound(ILogger logger, long block, string hash, long fork);
}
