using Microsoft.EntityFrameworkCore;
using Trace.Domain;
using Trace.Node.Storage.Entities;

namespace Trace.Node.Storage;

public sealed partial class TraceStore
{
    /// <summary>Feed entries after <paramref name="afterSequence"/>, in order, at most <paramref name="max"/>; optionally for one record.</summary>
    public async Task<IReadOnlyList<RecordStatusChange>> ReadStatusChangesAsync(long afterSequence, int max, string? recordId, CancellationToken cancellationToken)
    {
        await using var db = Open();
        var changes = db.StatusChanges.AsNoTracking().Where(c => c.Sequence > afterSequence);
        if (recordId is not null)
        {
            var key = recordId.ToLowerInvariant();
            changes = changes.Where(c => c.RecordId == key);
        }
        var page = await changes.OrderBy(c => c.Sequence).Take(Math.Clamp(max, 1, 10_000)).ToListAsync(cancellationToken).ConfigureAwait(false);
        return page.ConvertAll(c => c.ToDomain());
    }

    /// <summary>
    /// Completes when this process next commits feed rows. Take it before <see cref="ReadStatusChangesAsync"/> and
    /// await it only when the read found nothing new, so no write falls between the two.
    /// </summary>
    public Task NextStatusChange => _feedSignal.NextWrite;

    /// <summary>The newest feed position (0 when empty): where a new watcher starts tailing.</summary>
    public async Task<long> GetLatestStatusChangeSequenceAsync(CancellationToken cancellationToken)
    {
        await using var db = Open();
        return await db.StatusChanges.MaxAsync(c => (long?)c.Sequence, cancellationToken).ConfigureAwait(false) ?? 0;
    }

    /// <summary>The checkpoint of indexer <paramref name="name"/>, or null before its first run.</summary>
    public async Task<ChainCheckpoint?> GetCheckpointAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var db = Open();
        return (await db.Checkpoints.AsNoTracking().FirstOrDefaultAsync(c => c.Name == name, cancellationToken).ConfigureAwait(false))?.ToDomain();
    }

    /// <summary>Writes the checkpoint of indexer <paramref name="name"/> (insert or update).</summary>
    /// <remarks>An indexer that writes rows should instead call <see cref="StageCheckpointAsync"/> on its own context, so rows and checkpoint commit together.</remarks>
    public async Task SaveCheckpointAsync(string name, long blockNumber, byte[] blockHash, CancellationToken cancellationToken)
    {
        await using var db = Open();
        await StageCheckpointAsync(db, name, blockNumber, blockHash, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds or updates the checkpoint on <paramref name="db"/> without saving, to commit with other indexed rows.</summary>
    public async Task StageCheckpointAsync(TraceDbContext db, string name, long blockNumber, byte[] blockHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var hash = RequireHash(blockHash, nameof(blockHash));
        var checkpoint = await db.Checkpoints.FirstOrDefaultAsync(c => c.Name == name, cancellationToken).ConfigureAwait(false);
        if (checkpoint is null)
        {
            checkpoint = new ChainCheckpointEntity { Name = name, BlockHash = hash };
            db.Checkpoints.Add(checkpoint);
        }
        checkpoint.BlockNumber = blockNumber;
        checkpoint.BlockHash = hash;
        checkpoint.UpdatedAt = Now;
    }
}
