using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Trace.Domain;
using Trace.Node.Chain;
using Trace.Node.Storage;

namespace Trace.Node.Anchoring;

/// <summary>
/// Moves mined batches to Confirmed once their block is <c>Chain:Confirmations</c> deep (blocks, the mined one included)
/// and still canonical; a batch whose block was reorganised away goes back to Sent (its records to PENDING) and is
/// anchored again, so it is confirmed once, in the block that stayed. A chain that goes back further than
/// <c>Chain:Confirmations</c> (the embedded Anvil restarted from its last state dump, a deep reorganisation) takes
/// confirmed batches with it: those go back to Sent too, and their stored transactions are broadcast again in nonce order.
/// </summary>
public sealed partial class ConfirmationTracker(IAnchoringChain chain, TraceStore store, IOptions<ChainOptions> chainOptions, ILogger<ConfirmationTracker> logger)
{
    private const int RollbackCheckBatches = 64;
    private static readonly TimeSpan RollbackCheckInterval = TimeSpan.FromSeconds(2);
    private long _lastRollbackCheck; // Environment.TickCount64 of the last check (0: never; the clock counts from boot)

    /// <summary>Checks every mined batch against the current head.</summary>
    public async Task CheckAsync(IEnumerable<AnchorBatch> batches, CancellationToken ct)
    {
        ulong? head = null;
        foreach (var batch in batches)
        {
            if (batch.State != AnchorBatchState.Mined || batch.BlockNumber is not { } mined) continue;
            head ??= await chain.GetBlockNumberAsync(ct).ConfigureAwait(false);
            var required = (ulong)Math.Max(1, chainOptions.Value.Confirmations);
            if (head.Value + 1 < (ulong)mined + required) continue;

            var hash = await chain.GetBlockHashAsync((ulong)mined, ct).ConfigureAwait(false);
            if (hash is null || batch.BlockHash is null || !hash.AsSpan().SequenceEqual(batch.BlockHash))
            {
                LogReorganised(logger, batch.Id, mined);
                await store.MarkBatchUnminedAsync(batch.Id, ct).ConfigureAwait(false);
                continue;
            }
            await store.MarkBatchConfirmedAsync(batch.Id, ct).ConfigureAwait(false);
            LogConfirmed(logger, batch.Id, batch.LeafCount, required);
        }
    }

    /// <summary>
    /// At most every 2 s: is the newest confirmed batch's block still on the chain? One block read when it is (the chain
    /// is a prefix, so older confirmed blocks stand too); otherwise every confirmed batch down to the newest whose block
    /// stands goes back to Sent and its records to PENDING.
    /// </summary>
    public async Task CheckConfirmedStillOnChainAsync(CancellationToken ct)
    {
        var now = Environment.TickCount64;
        if (now - _lastRollbackCheck < (long)RollbackCheckInterval.TotalMilliseconds) return;
        _lastRollbackCheck = now;
        foreach (var batch in await store.ListNewestConfirmedBatchesAsync(RollbackCheckBatches, ct).ConfigureAwait(false))
        {
            var block = batch.BlockNumber!.Value;
            var hash = await chain.GetBlockHashAsync((ulong)block, ct).ConfigureAwait(false);
            if (hash is not null && batch.BlockHash is not null && hash.AsSpan().SequenceEqual(batch.BlockHash)) return;
            LogConfirmedRolledBack(logger, batch.Id, block);
            await store.MarkBatchUnminedAsync(batch.Id, ct).ConfigureAwait(false);
        }
    }

    [LoggerMessage(4012, LogLevel.Warning, "Block {Block} of confirmed batch {BatchId} is no longer on the chain (it went back further than Chain:Confirmations, e.g. the embedded Anvil restarted from its last state dump); the batch will be anchored again")]
    private static partial void LogConfirmedRolledBack(ILogger logger, long batchId, long block);

    [LoggerMessage(4010, LogLevel.Information, "Batch {BatchId} ({Count} records) confirmed ({Confirmations} confirmations)")]
    private static partial void LogConfirmed(ILogger logger, long batchId, int count, ulong confirmations);

    [LoggerMessage(4011, LogLevel.Warning, "Block {Block} of batch {BatchId} was reorganised away; the batch will be anchored again")]
    private static partial void LogReorganised(ILogger logger, long batchId, long block);
}
