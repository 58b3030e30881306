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

    /// <summary>Queues the submission and completes once it is committed or refused.</summary>
    public Task<LineageOutcome> AddAsync(LineageSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        submission.Claim.Validate();
        return CommitAsync(submission, cancellationToken);
    }

    /// <summary>Queues a standing refresh (from the status projector) and completes once it is committed with its cursor.</summary>
    public Task<LineageOutcome> RefreshAsync(StandingRefresh refresh, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refresh);
        return CommitAsync(refresh, cancellationToken);
    }

    protected override async Task<IReadOnlyList<LineageOutcome>> CommitGroupAsync(IReadOnlyList<LineageWork> items)
    {
        var outcomes = new LineageOutcome[items.Count];
        var created = 0;
        var seeds = new List<string>();
        var seedRecords = 0;
        var seedsHaveNoDownstream = true;
        var now = StorageTime.Normalize(clock.GetUtcNow());
        await using (var db = store.OpenContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync().ConfigureAwait(false);
            if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})").ConfigureAwait(false);
            for (var i = 0; i < items.Count; i++)
            {
                const string savepoint = "lineage_record";
                await transaction.CreateSavepointAsync(savepoint).ConfigureAwait(false);
                try
                {
                    AddClaimResult? result;
                    switch (items[i])
                    {
                        case LineageSubmission submission:
                            var applied = await ApplyAsync(db, submission, now, CancellationToken.None).ConfigureAwait(false);
                            result = applied.Result;
                            if (applied.Affected.Count > 0)
                            {
                                seeds.AddRange(applied.Affected);
                                seedRecords++;
                                seedsHaveNoDownstream &= applied.SeedsHaveNoDownstream;
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
                    await transaction.RollbackToSavepointAsync(savepoint).ConfigureAwait(false);
                    outcomes[i] = new LineageOutcome(null, refusal);
                    LogRefused(logger, (items[i] as LineageSubmission)?.Claim.RecordId ?? "-", refusal.Message);
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }
            // One recompute for the group: batches declared or consumed by several of its records are computed once, in
            // topological order (a record's seeds may feed another's), and their standings are read once. Only a single
            // record's own "no downstream" holds for the group: another record of it may consume its seeds.
            if (seeds.Count > 0)
                await new FootprintPropagator(db, flags, clock.GetUtcNow())
                    .RecomputeAsync(seeds, verificationPass: false, CancellationToken.None, seedsHaveNoDownstream: seedRecords == 1 && seedsHaveNoDownstream).ConfigureAwait(false);
            await StoreContentAsync(items, outcomes).ConfigureAwait(false);
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
    // rebuild replays them in.
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

    protected override async Task<LineageOutcome> CommitOneAsync(LineageWork item) => (await CommitGroupAsync([item]).ConfigureAwait(false))[0];

    /// <summary>Stages the claim and applies its lineage rows; the footprints to recompute are returned, not recomputed.</summary>
    private async Task<AppliedRecord> ApplyAsync(TraceDbContext db, LineageSubmission item, DateTimeOffset now, CancellationToken ct)
    {
        var staged = await store.StageAcceptedClaimAsync(db, item.Claim.AcceptedAt is null ? item.Claim with { AcceptedAt = now } : item.Claim, ct).ConfigureAwait(false);
        if (!staged.Created) return new AppliedRecord(staged, [], true); // the same signed claim again: nothing changes
        var writer = new LineageWriter(db, factors, keys, plans);
        var affected = await writer.ApplyAsync(item.Record, item.Claim, ct).ConfigureAwait(false);
        return new AppliedRecord(staged, affected, writer.SeedsHaveNoDownstream);
    }

    private sealed record AppliedRecord(AddClaimResult Result, IReadOnlyCollection<string> Affected, bool SeedsHaveNoDownstream);

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
