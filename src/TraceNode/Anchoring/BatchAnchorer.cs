using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Trace.Crypto;
using Trace.Domain;
using Trace.Node.Storage;

namespace Trace.Node.Anchoring;

/// <summary>
/// Takes one closed batch to a mined block. Each transaction is signed, stored with its nonce, hash and signed bytes
/// (state Sending), and only then broadcast (state Sent once the node accepts it), so a crash at any point leaves either
/// nothing sent or a stored transaction that a restart broadcasts again byte for byte. The chain is asked first: a root
/// the registry already holds (sent before a crash, or by a replacement) is recorded, never sent again; the registry
/// refuses a root twice, so even a needless send can waste gas but never anchor twice.
/// </summary>
public sealed partial class BatchAnchorer(
    IAnchoringChain chain,
    TraceStore store,
    IOptions<AnchoringOptions> options,
    TimeProvider clock,
    ILogger<BatchAnchorer> logger)
{
    /// <summary>Runs until the batch is recorded as Mined; throws only on cancellation or a chain fault (the caller retries).</summary>
    public async Task AnchorAsync(AnchorBatch batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (await RecordIfAnchoredAsync(batch, ct).ConfigureAwait(false)) return;
        var settings = options.Value;
        long? unknownSince = null; // when the node was first seen not to know the stored transaction
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (batch.TxRaw is null || batch.TxNonce is null || batch.TxHash is null)
            {
                // Nothing of ours to broadcast: Open, or a row naming a transaction whose bytes are not stored (the mined
                // one was not the one signed last, and a reorganisation took it out). Watch that one while the node has it.
                if (batch is { State: not AnchorBatchState.Open, TxHash: { } named }
                    && await chain.GetTransactionStateAsync(named, ct).ConfigureAwait(false) is AnchorTransactionState.Pending or AnchorTransactionState.Succeeded)
                {
                    if (await RecordIfAnchoredAsync(batch, ct).ConfigureAwait(false)) return;
                    await Task.Delay(settings.PollInterval, ct).ConfigureAwait(false);
                    continue;
                }
                if (await SignAndStoreAsync(batch, replacing: null, ct).ConfigureAwait(false) is not { } signed) return;
                batch = signed;
                unknownSince = null;
                continue;
            }

            var transaction = new AnchorTransaction(batch.TxNonce.Value, batch.TxHash, batch.TxRaw);
            if (batch.State == AnchorBatchState.Sending)
            {
                // Stored, perhaps never broadcast (a crash in between): broadcast exactly these bytes.
                if (await chain.BroadcastAsync(transaction, ct).ConfigureAwait(false) == BroadcastResult.NonceUsed)
                {
                    if (await AfterNonceUsedAsync(batch, transaction, ct).ConfigureAwait(false) is not { } next) return;
                    batch = next;
                    unknownSince = null;
                    continue;
                }
                batch = await store.MarkBatchSentAsync(batch.Id, transaction.Hash, ct).ConfigureAwait(false);
                LogSent(logger, batch.Id, batch.LeafCount, Hex.Encode(transaction.Hash), transaction.Nonce);
                unknownSince = null;
                continue;
            }

            switch (await chain.GetTransactionStateAsync(transaction.Hash, ct).ConfigureAwait(false))
            {
                case AnchorTransactionState.Succeeded:
                    if (await RecordIfAnchoredAsync(batch, ct).ConfigureAwait(false)) return;
                    break; // its block was reorganised away between the two questions: keep watching
                case AnchorTransactionState.Reverted:
                    // Most likely another transaction of ours anchored the root first; otherwise the nonce is spent for nothing.
                    LogReverted(logger, batch.Id, Hex.Encode(transaction.Hash));
                    if (await AfterNonceUsedAsync(batch, transaction, ct).ConfigureAwait(false) is not { } resent) return;
                    batch = resent;
                    unknownSince = null;
                    continue;
                case AnchorTransactionState.Pending:
                    unknownSince = null;
                    break;
                default:
                    if (unknownSince is null)
                    {
                        // The node lost it (its restart, pool eviction, a reorganisation): offer the same bytes again first.
                        unknownSince = clock.GetTimestamp();
                        if (await chain.BroadcastAsync(transaction, ct).ConfigureAwait(false) == BroadcastResult.NonceUsed)
                        {
                            if (await AfterNonceUsedAsync(batch, transaction, ct).ConfigureAwait(false) is not { } next) return;
                            batch = next;
                            unknownSince = null;
                            continue;
                        }
                    }
                    else if (clock.GetElapsedTime(unknownSince.Value) >= settings.DropTimeout)
                    {
                        // Dropped even after being offered again: replace it at the same nonce with higher fees, stored first.
                        LogDropped(logger, batch.Id, Hex.Encode(transaction.Hash), transaction.Nonce);
                        if (await SignAndStoreAsync(batch, transaction, ct).ConfigureAwait(false) is not { } replaced) return;
                        batch = replaced;
                        unknownSince = null;
                        continue;
                    }
                    break;
            }
            await Task.Delay(settings.PollInterval, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Signs a transaction (a new nonce, or <paramref name="replacing"/>'s) and stores it before anything is broadcast.
    /// Null when the registry already holds the root; the batch is then recorded as Mined.
    /// </summary>
    private async Task<AnchorBatch?> SignAndStoreAsync(AnchorBatch batch, AnchorTransaction? replacing, CancellationToken ct)
    {
        var signed = await chain.SignAnchorAsync(batch.Root, batch.LeafCount, $"trace:batch:{batch.Id}", replacing, ct).ConfigureAwait(false);
        if (signed is null)
        {
            if (await RecordIfAnchoredAsync(batch, ct).ConfigureAwait(false)) return null;
            throw new InvalidOperationException($"the registry refused the root of batch {batch.Id} as already anchored, but has no record of it");
        }
        try
        {
            return await store.MarkBatchSendingAsync(batch.Id, signed.Nonce, signed.Hash, signed.Raw, ct).ConfigureAwait(false);
        }
        catch when (replacing is null)
        {
            // Not stored, so never broadcast: give the new nonce back. (A replacement's nonce stays with the stored transaction.)
            await chain.AbandonAsync(signed, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The stored transaction's nonce is spent: by it (mined, or reverted), by a replacement, or by another transaction of
    /// the operator. Records the root if the registry holds it; otherwise signs and stores a fresh transaction at a new nonce.
    /// </summary>
    private async Task<AnchorBatch?> AfterNonceUsedAsync(AnchorBatch batch, AnchorTransaction spent, CancellationToken ct)
    {
        if (await RecordIfAnchoredAsync(batch, ct).ConfigureAwait(false)) return null;
        LogNonceUsed(logger, batch.Id, Hex.Encode(spent.Hash), spent.Nonce);
        return await SignAndStoreAsync(batch, replacing: null, ct).ConfigureAwait(false);
    }

    private async Task<bool> RecordIfAnchoredAsync(AnchorBatch batch, CancellationToken ct)
    {
        if (await chain.FindRootAsync(batch.Root, ct).ConfigureAwait(false) is not { } anchored) return false;
        await store.MarkBatchMinedAsync(batch.Id, anchored.TxHash, (long)anchored.BlockNumber, anchored.BlockHash, anchored.AnchoredAt, ct).ConfigureAwait(false);
        LogMined(logger, batch.Id, batch.LeafCount, anchored.BlockNumber);
        return true;
    }

    [LoggerMessage(4000, LogLevel.Information, "Batch {BatchId} ({Count} records) sent in {TxHash} (nonce {Nonce})")]
    private static partial void LogSent(ILogger logger, long batchId, int count, string txHash, long nonce);

    [LoggerMessage(4001, LogLevel.Information, "Batch {BatchId} ({Count} records) anchored in block {Block}")]
    private static partial void LogMined(ILogger logger, long batchId, int count, ulong block);

    [LoggerMessage(4002, LogLevel.Warning, "Anchoring transaction {TxHash} of batch {BatchId} reverted; checking the registry")]
    private static partial void LogReverted(ILogger logger, long batchId, string txHash);

    [LoggerMessage(4003, LogLevel.Warning, "Anchoring transaction {TxHash} (nonce {Nonce}) of batch {BatchId} was dropped; replacing it at the same nonce")]
    private static partial void LogDropped(ILogger logger, long batchId, string txHash, long nonce);

    [LoggerMessage(4004, LogLevel.Warning, "Nonce {Nonce} of anchoring transaction {TxHash} of batch {BatchId} is used and the root is not anchored; signing anew")]
    private static partial void LogNonceUsed(ILogger logger, long batchId, string txHash, long nonce);
}
