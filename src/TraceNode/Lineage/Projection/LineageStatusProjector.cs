using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Trace.Domain;
using Trace.Node.Lineage.Intake;
using Trace.Node.Lineage.Propagation;
using Trace.Node.Storage;

namespace Trace.Node.Lineage.Projection;

/// <summary>
/// Follows the record status feed from a stored cursor and keeps the lineage's verified parts and withdrawn marks
/// current: a record CONFIRMED adds to V of every footprint resting on it; unanchored (reorganised) takes it back;
/// revoked or superseded on chain marks every downstream footprint as resting on withdrawn evidence, naming it.
/// </summary>
/// <remarks>
/// The batches resting on a feed page's records and their downstream are found with reads, then recomputed through the
/// lineage's single writer (<see cref="LineageCommitQueue"/>) in short transactions of at most
/// <see cref="LineageOptions.ProjectorChunkSize"/> batches, in topological order, so record intake interleaves instead
/// of waiting for a whole downstream (and SQLite's other writers are not locked out). The last transaction of a page
/// saves the cursor, so a restart resumes at the first page not fully applied (recomputing is idempotent).
/// Regulator flags (issue 14) reach the figures through <see cref="IRegulatorFlagSource"/>; a flag change must
/// also be fed to <see cref="RefreshAsync"/> (or written as a status feed row) so marks follow.
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ProjectorEnabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = store.NextStatusChange;
            try
            {
                if (await CatchUpAsync(stoppingToken).ConfigureAwait(false)) continue;
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
    public async Task<bool> CatchUpAsync(CancellationToken ct)
    {
        long cursor;
        await using (var db = store.OpenContext())
            cursor = await LineageDependents.ReadCursorAsync(db, CursorName, ct).ConfigureAwait(false);
        var changes = await store.ReadStatusChangesAsync(cursor, options.Value.ProjectorBatchSize, null, ct).ConfigureAwait(false);
        if (changes.Count == 0) return false;
        var relevant = changes.Where(c => c.Change is RecordChange.Confirmed or RecordChange.Unanchored or RecordChange.Revoked or RecordChange.Superseded)
            .Select(c => c.RecordId).Distinct().ToList();
        await RefreshAsync(relevant, changes[^1].Sequence, ct).ConfigureAwait(false);
        return changes.Count >= options.Value.ProjectorBatchSize;
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
