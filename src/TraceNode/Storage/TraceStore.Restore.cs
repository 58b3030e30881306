using Microsoft.EntityFrameworkCore;
using Trace.Crypto;
using Trace.Domain;
using Trace.Node.Storage.Entities;

namespace Trace.Node.Storage;

public sealed partial class TraceStore
{
    /// <summary>
    /// Rebuild: stores a batch as its manifest describes it (id, root, closing time, leaves in leaf order) in state Open,
    /// with each leaf's index and proof from <paramref name="tree"/>, in one transaction. Leaves must be queued records.
    /// </summary>
    /// <returns>How many of the leaves were assigned (a leaf whose record is unknown or already batched is skipped).</returns>
    public async Task<int> RestoreBatchAsync(long batchId, byte[] root, DateTimeOffset createdAt, IReadOnlyList<string> leaves, BatchTree tree, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        ArgumentNullException.ThrowIfNull(tree);
        RequireHash(root, nameof(root));
        if (!tree.Root.AsSpan().SequenceEqual(root)) throw new ArgumentException($"the tree over the leaves has root {Hex.Encode(tree.Root)}, not {Hex.Encode(root)}", nameof(tree));
        await using var db = Open();
        using var turn = await WriteTurnAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        db.Batches.Add(new AnchorBatchEntity { Id = batchId, Root = root, LeafCount = leaves.Count, State = AnchorBatchState.Open, CreatedAt = StorageTime.Normalize(createdAt) });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var assigned = await AssignLeavesAsync(db, batchId, [.. leaves], tree, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return assigned;
    }

    /// <summary>Every batch, by id (for the audit).</summary>
    public async Task<IReadOnlyList<AnchorBatch>> ListAllBatchesAsync(CancellationToken cancellationToken)
    {
        await using var db = Open();
        var batches = await db.Batches.AsNoTracking().OrderBy(b => b.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return batches.ConvertAll(b => b.ToDomain());
    }
}
