using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Trace.Crypto;
using Trace.Domain;
using Trace.Node.Storage.Entities;

namespace Trace.Node.Storage;

public sealed partial class TraceStore
{
    /// <summary>How many claims wait for a batch, and the oldest one's acceptance time (for the N-or-T close rule).</summary>
    public async Task<QueueInfo> GetQueueInfoAsync(CancellationToken cancellationToken)
    {
        await using var db = Open();
        var queued = db.Records.Where(r => r.BatchId == null);
        var count = await queued.CountAsync(cancellationToken).ConfigureAwait(false);
        if (count == 0) return new QueueInfo(0, null);
        // Two reads, and the batcher may close the last queued claims between them: an empty second read means the
        // queue has just emptied (FirstAsync threw here, and GetNodeInfo answered INTERNAL after a load burst).
        var oldest = await queued.OrderBy(r => r.AcceptedAt).Select(r => (DateTimeOffset?)r.AcceptedAt).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return oldest is null ? new QueueInfo(0, null) : new QueueInfo(count, oldest);
    }

    /// <summary>
    /// Closes a batch: takes up to <paramref name="maxClaims"/> queued claims (oldest first), lets
    /// <paramref name="buildTree"/> build the Merkle tree over their digests, and stores the batch (state Open), each
    /// claim's leaf index and proof, in one transaction. Returns null when the queue is empty.
    /// </summary>
    /// <remarks>
    /// The tree is fixed before anything is sent, so after a crash the same root is sent again rather than a new
    /// tree over the same claims. <paramref name="buildTree"/> gets 32-byte digests and must be pure.
    /// </remarks>
    /// <exception cref="BatchConflictException">another batcher assigned some of the claims first; nothing was written.</exception>
    /// <param name="journal">when set, the batch's manifest is written to it before the transaction commits, so a batch
    /// never exists (nor is anchored) without its manifest outside the index.</param>
    public async Task<AnchorBatch?> CreateBatchAsync(int maxClaims, Func<IReadOnlyList<byte[]>, BatchTree> buildTree, CancellationToken cancellationToken, IRecordJournal? journal = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxClaims, 1);
        ArgumentNullException.ThrowIfNull(buildTree);
        await using var db = Open();
        using var turn = await WriteTurnAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var ids = await db.Records
            .Where(r => r.BatchId == null)
            .OrderBy(r => r.AcceptedAt).ThenBy(r => r.Id)
            .Take(maxClaims)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (ids.Count == 0) return null;

        var tree = buildTree(ids.ConvertAll(id => Hex.Decode(id)));
        if (tree.Root is not { Length: 32 }) throw new ArgumentException("the batch tree root must be 32 bytes", nameof(buildTree));
        if (tree.Leaves.Count != ids.Count)
            throw new ArgumentException($"the batch tree has {tree.Leaves.Count} leaves for {ids.Count} claims", nameof(buildTree));

        var batch = new AnchorBatchEntity { Root = tree.Root, LeafCount = ids.Count, State = AnchorBatchState.Open, CreatedAt = Now };
        db.Batches.Add(batch);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // A concurrent batcher read the same queue, built the same root and committed first.
            if (await FindBatchByRootAsync(tree.Root, cancellationToken).ConfigureAwait(false) is not null)
                throw new BatchConflictException(ids.Count, 0);
            throw;
        }

        // Claim each row with a guarded update: under concurrency only still-unassigned rows count.
        var assigned = await AssignLeavesAsync(db, batch.Id, ids, tree, cancellationToken).ConfigureAwait(false);
        if (assigned != ids.Count) throw new BatchConflictException(ids.Count, assigned);
        if (journal is not null) await journal.WriteManifestAsync(batch.Id, batch.Root, batch.CreatedAt, ids, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return batch.ToDomain();
    }

    // One prepared UPDATE per leaf inside the open transaction; the change tracker would cost more than the writes.
    private static async Task<int> AssignLeavesAsync(TraceDbContext db, long batchId, List<string> ids, BatchTree tree, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE \"EvidenceRecords\" SET \"BatchId\" = @batch, \"LeafIndex\" = @leaf, \"MerkleProof\" = @proof " +
                              "WHERE \"Id\" = @id AND \"BatchId\" IS NULL";
        var batch = Add(command, "@batch", batchId);
        var leaf = Add(command, "@leaf", 0);
        var proof = Add(command, "@proof", Array.Empty<byte>());
        var id = Add(command, "@id", "");
        await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
        var assigned = 0;
        for (var i = 0; i < ids.Count; i++)
        {
            id.Value = ids[i];
            leaf.Value = tree.Leaves[i].LeafIndex;
            proof.Value = MerkleProofCodec.Join(tree.Leaves[i].Proof);
            assigned += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        return assigned;

        static System.Data.Common.DbParameter Add(System.Data.Common.DbCommand command, string name, object value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
            return parameter;
        }
    }

    /// <summary>The batch with this id, or null.</summary>
    public async Task<AnchorBatch?> GetBatchAsync(long batchId, CancellationToken cancellationToken)
    {
        await using var db = Open();
        return (await db.Batches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId, cancellationToken).ConfigureAwait(false))?.ToDomain();
    }

    /// <summary>The batch with this 32-byte root, or null.</summary>
    public async Task<AnchorBatch?> FindBatchByRootAsync(byte[] root, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(root);
        await using var db = Open();
        return (await db.Batches.AsNoTracking().FirstOrDefaultAsync(b => b.Root == root, cancellationToken).ConfigureAwait(false))?.ToDomain();
    }

    /// <summary>Batches not yet Confirmed, oldest first: what the pipeline reconciles with the chain on start.</summary>
    public async Task<IReadOnlyList<AnchorBatch>> ListUnfinishedBatchesAsync(CancellationToken cancellationToken)
    {
        await using var db = Open();
        var batches = await db.Batches.AsNoTracking()
            .Where(b => b.State != AnchorBatchState.Confirmed)
            .OrderBy(b => b.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return batches.ConvertAll(b => b.ToDomain());
    }

    /// <summary>The confirmed batches of the newest blocks, newest first (the rollback check walks down them).</summary>
    public async Task<IReadOnlyList<AnchorBatch>> ListNewestConfirmedBatchesAsync(int count, CancellationToken cancellationToken)
    {
        await using var db = Open();
        var batches = await db.Batches.AsNoTracking()
            .Where(b => b.State == AnchorBatchState.Confirmed && b.BlockNumber != null)
            .OrderByDescending(b => b.BlockNumber).ThenByDescending(b => b.Id)
            .Take(count)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return batches.ConvertAll(b => b.ToDomain());
    }

    /// <summary>The records of a batch in leaf order.</summary>
    public async Task<IReadOnlyList<EvidenceRecord>> ListBatchRecordsAsync(long batchId, CancellationToken cancellationToken)
    {
        await using var db = Open();
        var records = await db.Records.AsNoTracking().Include(r => r.Batch)
            .Where(r => r.BatchId == batchId)
            .OrderBy(r => r.LeafIndex)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return records.ConvertAll(r => r.ToDomain());
    }

    /// <summary>
    /// Stores a signed transaction for the batch before it is broadcast (Open/Sending/Sent → Sending): its nonce, hash and
    /// signed bytes, so that after a crash the very same transaction is broadcast again. A replacement at the same nonce
    /// overwrites the previous one.
    /// </summary>
    public Task<AnchorBatch> MarkBatchSendingAsync(long batchId, long txNonce, byte[] txHash, byte[] rawTransaction, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(txNonce);
        RequireHash(txHash, nameof(txHash));
        if (rawTransaction is not { Length: > 0 }) throw new ArgumentException("the signed transaction is empty", nameof(rawTransaction));
        return TransitionAsync(batchId, AnchorBatchState.Sending, [AnchorBatchState.Open, AnchorBatchState.Sending, AnchorBatchState.Sent], batch =>
        {
            batch.TxNonce = txNonce;
            batch.TxHash = txHash;
            batch.TxRaw = rawTransaction;
            batch.SendAttempts++;
            batch.SentAt = null;
            return Task.CompletedTask;
        }, cancellationToken);
    }

    /// <summary>The node accepted the stored transaction <paramref name="txHash"/> (Sending/Sent → Sent).</summary>
    /// <exception cref="ArgumentException"><paramref name="txHash"/> is not the batch's stored transaction (nothing is written).</exception>
    public Task<AnchorBatch> MarkBatchSentAsync(long batchId, byte[] txHash, CancellationToken cancellationToken)
    {
        RequireHash(txHash, nameof(txHash));
        return TransitionAsync(batchId, AnchorBatchState.Sent, [AnchorBatchState.Sending, AnchorBatchState.Sent], batch =>
        {
            if (batch.TxHash is null || !batch.TxHash.AsSpan().SequenceEqual(txHash))
                throw new ArgumentException($"batch {batchId} stores another transaction than {Hex.Encode(txHash)}", nameof(txHash));
            batch.SentAt ??= Now;
            return Task.CompletedTask;
        }, cancellationToken);
    }
}
