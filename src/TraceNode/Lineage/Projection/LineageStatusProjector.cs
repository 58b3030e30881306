using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Trace.Domain;
using Trace.Node.Lineage.Intake;
using Trace.Node.Lineage.Propagation;
using Trace.Node.Lineage.Storage.Entities;
using Trace.Node.Storage;

namespace Trace.Node.Lineage.Projection;

/// <summary>
/// Follows the record status feed from a stored cursor and keeps the lineage's verified parts and withdrawn marks
/// current: a record CONFIRMED adds to V of every footprint resting on it; unanchored (reorganised) takes it back;
/// revoked, superseded or flagged on chain marks every downstream footprint as resting on withdrawn evidence, naming it.
/// </summary>
/// <remarks>
/// The batches resting on a feed page's records and their downstream are found with reads, then recomputed through the
/// lineage's single writer (<see cref="LineageCommitQueue"/>) in short transactions of at most
/// <see cref="LineageOptions.ProjectorChunkSize"/> batches, in topological order, so record intake interleaves instead
/// of waiting for a whole downstream (and SQLite's other writers are not locked out). The last transaction of a page
/// saves the cursor, so a restart resumes at the first page not fully applied (recomputing is idempotent).
/// Regulator flags reach the figures through <see cref="IRegulatorFlagSource"/> (the index's open flags); the registry
/// event follower writes a FLAGGED / UNFLAGGED feed row for every flag change, so marks follow like revocations.
/// Woken by the feed, it first waits for a lull in lineage intake (<see cref="LineageOptions.ProjectorQuietMilliseconds"/>,
/// at most <see cref="LineageOptions.ProjectorMaxDeferMilliseconds"/>): records are accepted first, and the confirmations
/// that arrive meanwhile are applied together, each batch resting on several of them recomputed once.
/// </remarks>
public sealed partial class LineageStatusProjector(
    TraceStore store,
    LineageCommitQueue commits,
    IRegulatorFlagSource flags,
    IOptions<LineageOptions> options,
    TimeProvider clock,
    ILogger<LineageStatusProjector> logger) : BackgroundService
{
    /// <summary>The cursor this projector keeps.</summary>
    public const string CursorName = "lineage-status";

    // A feed page with nothing the lineage rests on only moves the cursor in memory; the stored cursor follows at most
    // this late (or with the next page that does touch the lineage). A restart re-reads those pages and finds nothing again.
    private static readonly TimeSpan IdleCursorSaveInterval = TimeSpan.FromSeconds(10);

    private long? _cursor;
    private DateTimeOffset _cursorSavedAt;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ProjectorEnabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = store.NextStatusChange;
            try
            {
                // Once per wake, not per page: a backlog of several pages is then worked through without pausing.
                await commits.WaitForIntakeLullAsync(TimeSpan.FromMilliseconds(options.Value.ProjectorQuietMilliseconds),
                    TimeSpan.FromMilliseconds(options.Value.ProjectorMaxDeferMilliseconds), stoppingToken).ConfigureAwait(false);
                while (await CatchUpAsync(stoppingToken).ConfigureAwait(false)) { }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex); // database briefly unavailable: resume from the stored cursor
            }
            try
            {
                await Task.WhenAny(wake, Task.Delay(TimeSpan.FromMilliseconds(options.Value.ProjectorPollIntervalMilliseconds), clock, stoppingToken)).ConfigureAwait(false);
            }
            catch (OperationCanceledException) { break; }
        }
    }

    /// <summary>Applies one step of the feed after the cursor; true when there may be more.</summary>
    /// <remarks>
    /// Only the changes that can move a figure are read: confirmations, unanchorings, revocations and supersessions of
    /// records the lineage holds or cites, filtered in SQL. Most of the feed (every record's ACCEPTED and ANCHORED,
    /// every change of a record no lineage rests on) is skipped without being materialised, and a page of those costs
    /// no write transaction (see <see cref="IdleCursorSaveInterval"/>).
    /// </remarks>
    public async Task<bool> CatchUpAsync(CancellationToken ct)
    {
        List<long> page;
        List<string> relevant;
        await using (var db = store.OpenContext())
        {
            if (_cursor is null)
            {
                _cursor = await LineageDependents.ReadCursorAsync(db, CursorName, ct).ConfigureAwait(false);
                _cursorSavedAt = clock.GetUtcNow();
            }
            var cursor = _cursor.Value;
            page = await db.StatusChanges.AsNoTracking().Where(c => c.Sequence > cursor).OrderBy(c => c.Sequence)
                .Take(options.Value.ProjectorBatchSize).Select(c => c.Sequence).ToListAsync(ct).ConfigureAwait(false);
            if (page.Count == 0) return false;
            var end = page[^1];
            relevant = await db.StatusChanges.AsNoTracking()
                .Where(c => c.Sequence > cursor && c.Sequence <= end
                            && (c.Change == RecordChange.Confirmed || c.Change == RecordChange.Unanchored || c.Change == RecordChange.Revoked || c.Change == RecordChange.Superseded
                                || c.Change == RecordChange.Flagged || c.Change == RecordChange.Unflagged || c.Change == RecordChange.Reorganised)
                            && (db.Set<LineageRecordEntity>().Any(r => r.RecordId == c.RecordId) || db.Set<LineageCitationEntity>().Any(x => x.CitedRecordId == c.RecordId)))
                .Select(c => c.RecordId).Distinct().ToListAsync(ct).ConfigureAwait(false);
        }
        var now = clock.GetUtcNow();
        if (relevant.Count > 0 || now - _cursorSavedAt >= IdleCursorSaveInterval)
        {
            await RefreshAsync(relevant, page[^1], ct).ConfigureAwait(false);
            _cursorSavedAt = now;
        }
        _cursor = page[^1];
        return page.Count >= options.Value.ProjectorBatchSize;
    }

    /// <summary>Recomputes what rests on <paramref name="recordIds"/> and moves the cursor to <paramref name="sequence"/>.</summary>
    public async Task RefreshAsync(IReadOnlyList<string> recordIds, long sequence, CancellationToken ct)
    {
        List<string> order;
        await using (var db = store.OpenContext())
        {
            var seeds = await LineageDependents.BatchesRestingOnAsync(db, recordIds, ct).ConfigureAwait(false);
            order = seeds.Count == 0 ? [] : (await new FootprintPropagator(db, flags, clock.GetUtcNow()).DownstreamInOrderAsync(seeds, ct).ConfigureAwait(false)).Order;
        }
        var chunks = order.Chunk(options.Value.ProjectorChunkSize).ToList();
        if (chunks.Count == 0) chunks.Add([]);
        for (var i = 0; i < chunks.Count; i++)
        {
            var last = i == chunks.Count - 1;
            var outcome = await commits.RefreshAsync(new StandingRefresh(chunks[i], last ? CursorName : null, sequence), ct).ConfigureAwait(false);
            if (outcome.Refusal is not null) throw outcome.Refusal;
        }
    }

    [LoggerMessage(7010, LogLevel.Warning, "Lineage status projector step failed; resuming from the stored cursor")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
