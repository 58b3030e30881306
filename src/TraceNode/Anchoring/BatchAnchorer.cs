using Microsoft.Extensions.Logging;
using Trace.Crypto;
using Trace.Node.Chain;
using Trace.Chain.Contracts;
using Trace.Chain.Contracts.Dtos.Evidence;
using Trace.Chain.Contracts.Registries;
using Trace.Domain;
using Trace.Chain.Accounts;
using Trace.Chain.Rpc;
using Trace.Node.Storage;

namespace Trace.Node.Anchoring;

/// <summary>
/// Takes one closed batch to a mined block: asks the chain first (a crash may have sent it already),
/// sends <c>anchorBatch</c> otherwise, waits for the receipt and records the block. The registry refuses
/// a root twice, so a resend after a crash can waste gas but never anchor twice.
/// </summary>
public sealed partial class BatchAnchorer(TraceContracts contracts, RootLedger ledger, TraceStore store, ILogger<BatchAnchorer> logger)
{
    /// <summary>Runs until the batch is recorded as Mined; throws only on cancellation or a chain fault (the caller retries).</summary>
    public async Task AnchorAsync(AnchorBatch batch, CancellationToken ct)
    {
        while (true)
        {
            if (await ledger.FindAsync(batch.Root, ct).ConfigureAwait(false) is { } anchored)
            {
                await RecordMinedAsync(batch, anchored, ct).ConfigureAwait(false);
                return;
            }

            byte[] txHash;
            if (batch.State == AnchorBatchState.Sent && batch.TxHash is { } sent && await contracts.Evidence.Contract.Eth.IsTransactionKnownAsync(sent, ct).ConfigureAwait(false))
            {
                txHash = sent; // sent before a restart and still pending or mined: wait for it rather than pay twice
            }
            else
            {
                var signed = await SendAsync(batch, ct).ConfigureAwait(false);
                if (signed is null) continue; // the registry already had the root: loop to record it
                txHash = signed.Hash;
                batch = await store.MarkBatchSendingAsync(batch.Id, (long)signed.Transaction.Nonce, ct).ConfigureAwait(false);
                batch = await store.MarkBatchSentAsync(batch.Id, txHash, ct).ConfigureAwait(false);
                LogSent(logger, batch.Id, batch.LeafCount, Hex.Encode(txHash));
            }

            try
            {
                await contracts.Operator.WaitForReceiptAsync(txHash, 1, ct: ct).ConfigureAwait(false);
            }
            catch (TransactionFailedException)
            {
                // Reverted on chain: most likely another send of the same root won; the loop asks the registry.
                LogReverted(logger, batch.Id, Hex.Encode(txHash));
            }
            catch (TransactionDroppedException)
            {
                LogDropped(logger, batch.Id, Hex.Encode(txHash));
                var current = await store.GetBatchAsync(batch.Id, ct).ConfigureAwait(false) ?? throw new BatchNotFoundException(batch.Id);
                batch = current with { TxHash = null }; // forces a fresh send
            }
        }
    }

    private async Task<Trace.Chain.Transactions.SignedTransaction?> SendAsync(AnchorBatch batch, CancellationToken ct)
    {
        var registry = contracts.Evidence.Contract;
        var data = ContractClient.Encode(EvidenceRegistryClient.AnchorBatch(batch.Root, (uint)batch.LeafCount, $"trace:batch:{batch.Id}"));
        try
        {
            return await contracts.Operator.SendAsync(new TransactionRequest(registry.Address, data), ct).ConfigureAwait(false);
        }
        catch (RpcException ex) when (registry.DecodeRevert(ex)?.Is<RootAlreadyAnchoredError>() == true)
        {
            return null;
        }
    }

    private async Task RecordMinedAsync(AnchorBatch batch, RootAnchoring anchored, CancellationToken ct)
    {
        await store.MarkBatchMinedAsync(batch.Id, anchored.TxHash, (long)anchored.BlockNumber, anchored.BlockHash, anchored.AnchoredAt, ct).ConfigureAwait(false);
        LogMined(logger, batch.Id, batch.LeafCount, anchored.BlockNumber);
    }

    [LoggerMessage(4000, LogLevel.Information, "Batch {BatchId} ({Count} records) sent in {TxHash}")]
    private static partial void LogSent(ILogger logger, long batchId, int count, string txHash);

    [LoggerMessage(4001, LogLevel.Information, "Batch {BatchId} ({Count} records) anchored in block {Block}")]
    private static partial void LogMined(ILogger logger, long batchId, int count, ulong block);

    [LoggerMessage(4002, LogLevel.Warning, "Anchoring transaction {TxHash} of batch {BatchId} reverted; checking the registry")]
    private static partial void LogReverted(ILogger logger, long batchId, string txHash);

    [LoggerMessage(4003, LogLevel.Warning, "Anchoring transaction {TxHash} of batch {BatchId} was dropped; sending again")]
    private static partial void LogDropped(ILogger logger, long batchId, string txHash);
}
