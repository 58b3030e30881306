using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Trace.Domain;
using Trace.Node.Chain;
using Trace.Node.Storage;

namespace Trace.Node.Anchoring;

/// <summary>
/// Moves mined batches to Confirmed once their block is <c>Chain:Confirmations</c> deep (blocks, the mined one included)
/// and still canonical; a batch whose block was reorganised away goes back to Sent (its records to PENDING) and is
/// anchored again, so it is confirmed once, in the block that stayed.
/// </summary>
public sealed partial class ConfirmationTracker(IAnchoringChain chain, TraceStore store, IOptions<ChainOptions> chainOptions, ILogger<ConfirmationTracker> logger)
{
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

    [LoggerMessage(4010, LogLevel.Information, "Batch {BatchId} ({Count} records) confirmed ({Confirmations} confirmations)")]
    private static partial void LogConfirmed(ILogger logger, long batchId, int count, ulong confirmations);

    [LoggerMessage(4011, LogLevel.Warning, "Block {Block} of batch {BatchId} was reorganised away; the batch will be anchored again")]
    private static partial void LogReorganised(ILogger logger, long batchId, long block);
}
