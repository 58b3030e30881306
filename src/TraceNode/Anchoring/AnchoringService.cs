using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Trace.Domain;
using Trace.Node.Storage;

namespace Trace.Node.Anchoring;

/// <summary>
/// The anchoring pipeline: closes a batch at N claims or T milliseconds, builds its Merkle tree in the
/// same transaction that assigns the claims, anchors it through <see cref="BatchAnchorer"/> and confirms it
/// through <see cref="ConfirmationTracker"/>. Every step starts from the database and the chain, so a restart
/// at any point resumes where the crash left off; chain faults are retried with backoff while intake goes on.
/// The claim commit queue wakes it (<see cref="IClaimQueueListener"/>) when new claims may have filled a batch.
/// </summary>
public sealed partial class AnchoringService(
    IAnchoringChain chain,
    TraceStore store,
    BatchAnchorer anchorer,
    ConfirmationTracker confirmations,
    IOptions<AnchoringOptions> options,
    TimeProvider clock,
    ILogger<AnchoringService> logger,
    IRecordJournal? journal = null) : BackgroundService, IClaimQueueListener
{
    private readonly ConcurrentDictionary<long, Task> _inFlight = new();
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private int _queuedAtLastLook;
    private int _acceptedSinceLastLook;

    /// <summary>Asks the batcher to look at the queue now instead of at its next poll.</summary>
    private void Nudge()
    {
        if (_wake.CurrentCount == 0) _wake.Release();
    }

    /// <summary>
    /// New claims were committed to the queue. The batcher wakes early only when the queue may have reached N: waking on
    /// every commit would cost a database and chain round trip per group, and the poll interval covers T anyway.
    /// </summary>
    public void ClaimsQueued(int count)
    {
        var accepted = Interlocked.Add(ref _acceptedSinceLastLook, count);
        if (Volatile.Read(ref _queuedAtLastLook) + accepted >= options.Value.MaxBatchSize) Nudge();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogDisabled(logger);
            return;
        }
        try
        {
            await chain.WaitUntilReadyAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) { return; }

        var backoff = TimeSpan.FromMilliseconds(settings.InitialRetryDelayMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CycleAsync(settings, stoppingToken).ConfigureAwait(false);
                backoff = TimeSpan.FromMilliseconds(settings.InitialRetryDelayMilliseconds);
                await _wake.WaitAsync(settings.PollInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogCycleFailed(logger, ex, backoff.TotalMilliseconds);
                try { await Task.Delay(backoff, stoppingToken).ConfigureAwait(false); }
                catch (OperationCanceledException) { break; }
                backoff = TimeSpan.FromMilliseconds(Math.Min(settings.MaxRetryDelayMilliseconds, backoff.TotalMilliseconds * 2));
            }
        }
        try { await Task.WhenAll(_inFlight.Values).ConfigureAwait(false); }
        catch (OperationCanceledException) { }
    }

    /// <summary>One pass: resume unfinished batches, confirm mined ones, close a new batch when due.</summary>
    private async Task CycleAsync(AnchoringOptions settings, CancellationToken ct)
    {
        Interlocked.Exchange(ref _acceptedSinceLastLook, 0);
        var unfinished = await store.ListUnfinishedBatchesAsync(ct).ConfigureAwait(false);
        foreach (var batch in unfinished)
            if (batch.State is AnchorBatchState.Open or AnchorBatchState.Sending or AnchorBatchState.Sent)
                StartAnchoring(batch, settings, ct);
        await confirmations.CheckAsync(unfinished, ct).ConfigureAwait(false);
        await confirmations.CheckConfirmedStillOnChainAsync(ct).ConfigureAwait(false);

        while (_inFlight.Count < settings.MaxBatchesInFlight)
        {
            var queue = await store.GetQueueInfoAsync(ct).ConfigureAwait(false);
            Volatile.Write(ref _queuedAtLastLook, queue.Count);
            if (queue.Count == 0) return;
            var due = queue.Count >= settings.MaxBatchSize
                || clock.GetUtcNow() - queue.OldestAcceptedAt >= settings.MaxBatchDelay;
            if (!due) return;
            AnchorBatch? batch;
            try
            {
                batch = await store.CreateBatchAsync(settings.MaxBatchSize, MerkleBatchTree.Build, ct, journal).ConfigureAwait(false);
            }
            catch (BatchConflictException)
            {
                return; // another node's batcher took these claims; look again next cycle
            }
            if (batch is null) return;
            Volatile.Write(ref _queuedAtLastLook, Math.Max(0, queue.Count - batch.LeafCount));
            LogClosed(logger, batch.Id, batch.LeafCount);
            StartAnchoring(batch, settings, ct);
        }
    }

    private void StartAnchoring(AnchorBatch batch, AnchoringOptions settings, CancellationToken ct)
    {
        var placeholder = new TaskCompletionSource().Task;
        if (!_inFlight.TryAdd(batch.Id, placeholder)) return;
        var task = Task.Run(async () =>
        {
            var backoff = TimeSpan.FromMilliseconds(settings.InitialRetryDelayMilliseconds);
            try
            {
                while (true)
                {
                    try
                    {
                        await anchorer.AnchorAsync(batch, ct).ConfigureAwait(false);
                        Nudge();
                        return;
                    }
                    catch (Exception ex) when (!ct.IsCancellationRequested)
                    {
                        LogAnchorFailed(logger, ex, batch.Id, backoff.TotalMilliseconds);
                        await Task.Delay(backoff, ct).ConfigureAwait(false);
                        backoff = TimeSpan.FromMilliseconds(Math.Min(settings.MaxRetryDelayMilliseconds, backoff.TotalMilliseconds * 2));
                        batch = await store.GetBatchAsync(batch.Id, ct).ConfigureAwait(false) ?? batch;
                        if (batch.State is AnchorBatchState.Mined or AnchorBatchState.Confirmed) return;
                    }
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
            finally
            {
                _inFlight.TryRemove(batch.Id, out _);
            }
        }, CancellationToken.None);
        _inFlight.TryUpdate(batch.Id, task, placeholder); // fails harmlessly when the task already finished and removed itself
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(4020, LogLevel.Information, "Closed batch {BatchId} with {Count} records")]
    private static partial void LogClosed(ILogger logger, long batchId, int count);

    [LoggerMessage(4021, LogLevel.Warning, "Anchoring batch {BatchId} failed; retrying in {DelayMs} ms")]
    private static partial void LogAnchorFailed(ILogger logger, Exception exception, long batchId, double delayMs);

    [LoggerMessage(4022, LogLevel.Warning, "Anchoring cycle failed; retrying in {DelayMs} ms")]
    private static partial void LogCycleFailed(ILogger logger, Exception exception, double delayMs);

    [LoggerMessage(4023, LogLevel.Information, "Anchoring is disabled (Trace:Anchoring:Enabled = false)")]
    private static partial void LogDisabled(ILogger logger);
}
