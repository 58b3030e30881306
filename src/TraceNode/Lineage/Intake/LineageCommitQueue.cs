using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Trace.Domain;
using Trace.Node.Blobs;
using Trace.Node.Carbon.Factors;
using Trace.Node.Decisions.Plans;
using Trace.Node.ContentAccess;
using Trace.Node.Lineage.Propagation;
using Trace.Node.Storage;

namespace Trace.Node.Lineage.Intake;

/// <summary>
/// The lineage's single writer: lineage records from concurrent callers are applied one after the other, grouped into
/// one transaction with a savepoint per record, so a refused record rolls back alone and its neighbours commit. Each
/// record's claim row (with its ACCEPTED feed row) and its lineage rows commit together or not at all. The footprints
/// the group's accepted records change are recomputed once, after the last record and before the commit, in
/// topological order over all of them.
/// </summary>
/// <remarks>
/// Mass balance holds because every check and write happens in this one writer, inside a transaction: two
/// transformations racing for the last tonne are applied in turn and the second sees the first's consumption. Across
/// processes (several API instances on one PostgreSQL database) each group first takes a transaction-scoped advisory
/// lock, so writers of different instances are serialised by the database too; SQLite allows one writer at a time.
/// </remarks>
public sealed partial class LineageCommitQueue(
    TraceStore store,
    IEnumerable<IClaimQueueListener> listeners,
    IRegulatorFlagSource flags,
    TimeProvider clock,
    ILogger<LineageCommitQueue> logger,
    ITransportFactorProvider? factors = null,
    IBlobStore? blobs = null,
    IParticipantKeys? keys = null,
    IRecordJournal? journal = null,
    IRoutePlanSource? plans = null)
    : GroupCommitter<LineageWork, LineageOutcome>(MaxGroup, logger)
{
    private const int MaxGroup = 256;

    /// <summary>Key of the PostgreSQL advisory lock every lineage write transaction holds ("TRLINEAG").</summary>
    public const long AdvisoryLockKey = 0x54524C494E454147;

    private readonly IClaimQueueListener[] _listeners = [.. listeners];

    // When the last submission was queued (TimeProvider timestamp); 0 before the first.
    private long _lastSubmissionAt;

    /// <summary>Queues the submission and completes once it is committed or refused.</summary>
    public Task<LineageOutcome> AddAsync(LineageSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        submission.Claim.Validate();
        Volatile.Write(ref _lastSubmissionAt, clock.GetTimestamp());
        return CommitAsync(submission, cancellationToken);
    }

    /// <summary>
    /// Completes once no submission has been queued for <paramref name="quiet"/> and none waits, or after
    /// <paramref name="atMost"/>, whichever comes first: background work (the status projector) goes in the lulls of
    /// record intake instead of taking the writer from it.
    /// </summary>
    public async Task WaitForIntakeLullAsync(TimeSpan quiet, TimeSpan atMost, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        while (true)
        {
            var last = Volatile.Read(ref _lastSubmissionAt);
            var sinceLast = last == 0 ? TimeSpan.MaxValue : clock.GetElapsedTime(last);
            var left = atMost - clock.GetElapsedTime(started);
            if ((sinceLast >= quiet && Queued == 0) || left <= TimeSpan.Zero) return;
            var nap = sinceLast < quiet ? quiet - sinceLast : TimeSpan.FromMilliseconds(10);
            await Task.Delay(nap < left ? nap : left, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Queues a standing refresh (from the status projector) and completes once it is committed with its cursor.</summary>
    public Task<LineageOutcome> RefreshAsync(StandingRefresh refresh, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refresh);
        return CommitAsync(refresh, cancellationToken);
    }

    protected override Task<IReadOnlyList<LineageOutcome>> CommitGroupAsync(IReadOnlyList<LineageWork> items) => CommitAsync(items, deferWrites: true);

    /// <summary>After a group failed as a whole, each item alone, every record flushed on its own.</summary>
    protected override async Task<LineageOutcome> CommitOneAsync(LineageWork item) => (await CommitAsync([item], deferWrites: false).ConfigureAwait(false))[0];

    /// <param name="deferWrites">
    /// True: an uncorrecting record's rows stay in the context until the group's one flush (they are refused, if at all,
    /// before they change anything, so the rows of the records before them never need undoing). False: every record is
    /// flushed on its own, the path taken when a group failed.
    /// </param>
    private async Task<IReadOnlyList<LineageOutcome>> CommitAsync(IReadOnlyList<LineageWork> items, bool deferWrites)
    {
        var outcomes = new LineageOutcome[items.Count];
        var created = 0;
        var seeds = new List<string>();
        var seedRecords = 0;
        var seedsHaveNoDownstream = true;
        var now = StorageTime.Normalize(clock.GetUtcNow());
        await using (var db = store.OpenContext())
        {
            using var turn = await store.WriteTurnAsync(CancellationToken.None).ConfigureAwait(false);
            await using var transaction = await db.Database.BeginTransactionAsync().ConfigureAwait(false);
            if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})").ConfigureAwait(false);
            var scope = new LineageGroupScope();
            if (deferWrites) await scope.PreloadAsync(db, items.OfType<LineageSubmission>().Select(s => s.Record), CancellationToken.None).ConfigureAwait(false);
            for (var i = 0; i < items.Count; i++)
            {
                // A correction releases rows before its checks and a standing refresh reads through queries: both start
                // from flushed rows and flush their own, and what the scope knew may no longer hold after them.
                var deferred = deferWrites && items[i] is LineageSubmission { Record.Supersedes: null };
                // Deferred rows pile up in the tracker; a scan of all of them on every look-up (DbSet.Local, queries)
                // would make a group quadratic. They are detected once, by the next flush, which scans again.
                db.ChangeTracker.AutoDetectChangesEnabled = !deferred;
                if (!deferred)
                {
                    await db.SaveChangesAsync().ConfigureAwait(false);
                    scope.Forget(); // a correction reads what it releases and re-checks from the database alone
                }
                const string savepoint = "lineage_record";
                await transaction.CreateSavepointAsync(savepoint).ConfigureAwait(false);
                LineageWriter? writer = null;
                try
                {
                    AddClaimResult? result;
                    switch (items[i])
                    {
                        case LineageSubmission submission:
                            var staged = await store.StageAcceptedClaimAsync(db, submission.Claim.AcceptedAt is null ? submission.Claim with { AcceptedAt = now } : submission.Claim, CancellationToken.None).ConfigureAwait(false);
                            result = staged;
                            if (!staged.Created) break; // the same signed claim again: nothing changes
                            writer = new LineageWriter(db, factors, keys, plans, scope);
                            var affected = await writer.ApplyAsync(submission.Record, submission.Claim, CancellationToken.None).ConfigureAwait(false);
                            if (!deferred) await db.SaveChangesAsync().ConfigureAwait(false);
                            if (affected.Count > 0)
                            {
                                seeds.AddRange(affected);
                                seedRecords++;
                                seedsHaveNoDownstream &= writer.SeedsHaveNoDownstream;
                            }
                            break;
                        case StandingRefresh refresh:
                            result = await RefreshAsync(db, refresh, CancellationToken.None).ConfigureAwait(false);
                            break;
                        default:
                            throw new InvalidOperationException($"unknown lineage work {items[i].GetType().Name}");
                    }
                    await transaction.ReleaseSavepointAsync(savepoint).ConfigureAwait(false);
                    outcomes[i] = new LineageOutcome(result, null);
                    if (result?.Created == true) created++;
                }
                catch (InvalidFieldException refusal)
                {
                    // A deferred record refused after it began writing would leave changes that cannot be told from its
                    // predecessors' unflushed rows: fail the group, which is then committed item by item.
                    if (deferred && writer?.WritesBegan == true)
                        throw new InvalidOperationException($"lineage record {(items[i] as LineageSubmission)?.Claim.RecordId} was refused after it began writing", refusal);
                    await transaction.RollbackToSavepointAsync(savepoint).ConfigureAwait(false);
                    outcomes[i] = new LineageOutcome(null, refusal);
                    LogRefused(logger, (items[i] as LineageSubmission)?.Claim.RecordId ?? "-", refusal.Message);
                }
                if (!deferred)
                {
                    // Everything is flushed (or rolled back): start the next record from an empty tracker, so a refresh's
                    // thousands of batches are not scanned again by every later flush of the group.
                    db.ChangeTracker.Clear();
                }
            }
            // The content and envelopes go to the blob store (its own database and writer) while the group's rows are
            // flushed and its figures recomputed; the group commits only once they are durable.
            var storing = StoreContentAsync(items, outcomes);
            try
            {
                db.ChangeTracker.AutoDetectChangesEnabled = true;
                await db.SaveChangesAsync().ConfigureAwait(false);
                db.ChangeTracker.Clear();
                // One recompute for the group: batches declared or consumed by several of its records are computed once, in
                // topological order (a record's seeds may feed another's), and their standings are read once. Only a single
                // record's own "no downstream" holds for the group: another record of it may consume its seeds.
                if (seeds.Count > 0)
                    await new FootprintPropagator(db, flags, clock.GetUtcNow())
                        .RecomputeAsync(seeds, verificationPass: false, CancellationToken.None, seedsHaveNoDownstream: seedRecords == 1 && seedsHaveNoDownstream).ConfigureAwait(false);
            }
            catch
            {
                await storing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing); // observed; the group's failure is what counts
                throw;
            }
            await storing.ConfigureAwait(false);
            await transaction.CommitAsync().ConfigureAwait(false);
        }
        if (created > 0)
        {
            store.ClaimsCommitted();
            foreach (var listener in _listeners) listener.ClaimsQueued(created);
        }
        return outcomes;
    }

    // The content of every record this group accepts is stored before the group commits: a crash in between leaves only
    // content-addressed bytes no record names (harmless), never a record without its content; a refused record leaves none.
    // With a journal, the envelopes go in the same blob commit, in the order the records were applied: the order a
    // rebuild replays them in. A group that fails after this leaves envelopes of uncommitted records, like a crash
    // before the commit (docs/rebuild.md, crash windows).
    private async Task StoreContentAsync(IReadOnlyList<LineageWork> items, LineageOutcome[] outcomes)
    {
        if (journal is not null)
        {
            var claims = new List<AcceptedClaim>();
            var contents = new List<ReadOnlyMemory<byte>>();
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is not LineageSubmission submission || outcomes[i].Result is not { Created: true } result) continue;
                claims.Add(submission.Claim with { AcceptedAt = result.Record.AcceptedAt });
                if (!submission.Content.IsEmpty) contents.Add(submission.Content);
            }
            if (claims.Count > 0) await journal.WriteEnvelopesAsync(claims, contents, CancellationToken.None).ConfigureAwait(false);
            return;
        }
        if (blobs is null) return;
        var writes = new List<Task>();
        for (var i = 0; i < items.Count; i++)
            if (items[i] is LineageSubmission { Content.IsEmpty: false } submission && outcomes[i].Result?.Created == true)
                writes.Add(blobs.PutAsync(submission.Content, submission.Claim.ContentHash, CancellationToken.None));
        await Task.WhenAll(writes).ConfigureAwait(false);
    }

    private async Task<AddClaimResult?> RefreshAsync(TraceDbContext db, StandingRefresh refresh, CancellationToken ct)
    {
        var count = await new FootprintPropagator(db, flags, clock.GetUtcNow()).RecomputeInOrderAsync(refresh.Batches, verificationPass: true, ct).ConfigureAwait(false);
        if (refresh.CursorName is not null)
            await LineageDependents.SaveCursorAsync(db, refresh.CursorName, refresh.Sequence, clock.GetUtcNow(), ct).ConfigureAwait(false);
        if (count > 0) LogRefreshed(logger, count);
        return null;
    }

    [LoggerMessage(7001, LogLevel.Debug, "Lineage standings refreshed: {Batches} batches recomputed")]
    private static partial void LogRefreshed(ILogger logger, int batches);

    [LoggerMessage(7000, LogLevel.Debug, "Lineage record {RecordId} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string recordId, string reason);
}
