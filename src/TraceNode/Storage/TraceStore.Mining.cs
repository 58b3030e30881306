using Microsoft.EntityFrameworkCore;
using Trace.Domain;
using Trace.Node.Storage.Entities;

namespace Trace.Node.Storage;

public sealed partial class TraceStore
{
    /// <summary>
    /// The root is in block <paramref name="blockNumber"/>: batch → Mined and its records → Anchored, with feed
    /// entries, in one transaction. Allowed from Open/Sending/Sent (reconciliation may find a batch mined that was
    /// never marked sent) and again from Mined.
    /// </summary>
    public Task<AnchorBatch> MarkBatchMinedAsync(long batchId, byte[] txHash, long blockNumber, byte[] blockHash, DateTimeOffset minedAt, CancellationToken cancellationToken) =>
        TransitionAsync(batchId, AnchorBatchState.Mined, [AnchorBatchState.Open, AnchorBatchState.Sending, AnchorBatchState.Sent, AnchorBatchState.Mined], async (batch, db) =>
        {
            RequireHash(txHash, nameof(txHash));
            // Another transaction than the one signed last anchored the root (an earlier one outran its replacement):
            // the stored bytes no longer describe the anchoring, so they are not sent again after a reorganisation.
            if (batch.TxHash is null || !batch.TxHash.AsSpan().SequenceEqual(txHash)) batch.TxRaw = null;
            batch.TxHash = txHash;
            batch.BlockNumber = blockNumber;
            batch.BlockHash = RequireHash(blockHash, nameof(blockHash));
            batch.MinedAt = StorageTime.Normalize(minedAt);
            await SetRecordStatusAsync(db, batch, RecordStatus.Anchored, RecordChange.Anchored, batch.MinedAt, null, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>The block reached the confirmation depth: batch → Confirmed and its records → Confirmed, in one transaction.</summary>
    public Task<AnchorBatch> MarkBatchConfirmedAsync(long batchId, CancellationToken cancellationToken) =>
        TransitionAsync(batchId, AnchorBatchState.Confirmed, [AnchorBatchState.Mined, AnchorBatchState.Confirmed], async (batch, db) =>
        {
            batch.ConfirmedAt ??= Now;
            await SetRecordStatusAsync(db, batch, RecordStatus.Confirmed, RecordChange.Confirmed, batch.MinedAt, batch.ConfirmedAt, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>
    /// The block holding the root was reorganised away: batch → Sent (block cleared; its transaction is watched, and sent
    /// again or replaced if the node lost it) and its records → Pending, in one transaction. The tree and proofs stay: the
    /// same root is anchored again.
    /// </summary>
    public Task<AnchorBatch> MarkBatchUnminedAsync(long batchId, CancellationToken cancellationToken) =>
        TransitionAsync(batchId, AnchorBatchState.Sent, [AnchorBatchState.Mined, AnchorBatchState.Confirmed], async (batch, db) =>
        {
            batch.BlockNumber = null;
            batch.BlockHash = null;
            batch.MinedAt = null;
            batch.ConfirmedAt = null;
            await SetRecordStatusAsync(db, batch, RecordStatus.Pending, RecordChange.Unanchored, null, null, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    private Task<AnchorBatch> TransitionAsync(long batchId, AnchorBatchState to, AnchorBatchState[] from, Func<AnchorBatchEntity, Task> apply, CancellationToken cancellationToken) =>
        TransitionAsync(batchId, to, from, (batch, _) => apply(batch), cancellationToken);

    private async Task<AnchorBatch> TransitionAsync(long batchId, AnchorBatchState to, AnchorBatchState[] from, Func<AnchorBatchEntity, TraceDbContext, Task> apply, CancellationToken cancellationToken)
    {
        await using var db = Open();
        using var turn = await WriteTurnAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var batch = await db.Batches.FirstOrDefaultAsync(b => b.Id == batchId, cancellationToken).ConfigureAwait(false)
            ?? throw new BatchNotFoundException(batchId);
        if (Array.IndexOf(from, batch.State) < 0) throw new InvalidBatchTransitionException(batchId, batch.State, to);
        batch.State = to;
        await apply(batch, db).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _feedSignal.Notify(); // a transition that changed no status wakes the watchers for nothing: harmless
        return batch.ToDomain();
    }

    // Only rows whose status actually changes get a feed entry, so repeating a transition writes nothing twice.
    // Set-based: a 4,096-record batch is one UPDATE and one prepared INSERT, not 8,192 tracked entities.
    private async Task SetRecordStatusAsync(TraceDbContext db, AnchorBatchEntity batch, RecordStatus status, RecordChange change,
        DateTimeOffset? anchoredAt, DateTimeOffset? confirmedAt, CancellationToken cancellationToken)
    {
        var changing = db.Records.Where(r => r.BatchId == batch.Id && r.Status != status);
        var ids = await changing.Select(r => r.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (ids.Count == 0) return;
        await changing.ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, status)
            .SetProperty(r => r.AnchoredAt, anchoredAt)
            .SetProperty(r => r.ConfirmedAt, confirmedAt), cancellationToken).ConfigureAwait(false);
        var now = Now;
        var feed = ids.ConvertAll(id => new RecordStatusChangeEntity { RecordId = id, Change = change, Status = status, BatchId = batch.Id, At = now });
        await BulkInsert.InsertAsync(db, feed, cancellationToken).ConfigureAwait(false);
    }

    private static byte[] RequireHash(byte[] value, string name) =>
        value is { Length: 32 } ? value : throw new ArgumentException($"{name} must be 32 bytes, got {value?.Length.ToString() ?? "null"}", name);
}
