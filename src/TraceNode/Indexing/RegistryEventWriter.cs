using Microsoft.EntityFrameworkCore;
using Trace.Domain;
using Trace.Domain.Assurance;
using Trace.Node.Indexing.Storage;
using Trace.Node.Storage;
using Trace.Node.Storage.Entities;

namespace Trace.Node.Indexing;

/// <summary>
/// Writes registry events into the index on a caller's context (not saved, so rows and the follower's cursor commit
/// together): the audit-trail row, and what the event changes (flags, endorsements, revocations), each with a status
/// feed row for a record the index holds. Undoes the events of reorganised blocks the same way.
/// </summary>
/// <remarks>
/// Idempotent: an event is keyed by (block, log index), and one already indexed with the same transaction is skipped,
/// so the relay (which writes the events of its own receipt at once) and the follower (which reads them again once
/// confirmed) never write a row twice.
/// </remarks>
public static class RegistryEventWriter
{
    /// <summary>Stages <paramref name="events"/>; returns how many feed rows were added.</summary>
    public static async Task<int> ApplyAsync(TraceDbContext db, IReadOnlyList<RegistryEvent> events, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0) return 0;
        var low = events.Min(e => e.BlockNumber);
        var high = events.Max(e => e.BlockNumber);
        var known = (await db.RegistryEvents.AsNoTracking().Where(e => e.BlockNumber >= low && e.BlockNumber <= high)
                .Select(e => new { e.BlockNumber, e.LogIndex }).ToListAsync(ct).ConfigureAwait(false))
            .Select(e => (e.BlockNumber, e.LogIndex)).ToHashSet();
        var feed = 0;
        foreach (var e in events)
        {
            if (!known.Add((e.BlockNumber, e.LogIndex))) continue;
            db.RegistryEvents.Add(ToEntity(e));
            await RememberBlockAsync(db, e.BlockNumber, e.BlockHash, ct).ConfigureAwait(false);
            switch (e.Kind)
            {
                case RegistryEventKind.RecordFlagged:
                    db.Flags.Add(new RecordFlagEntity
                    {
                        RecordId = e.RecordId!, RegulatorId = e.ParticipantId!, FlaggedBy = e.Actor, Reason = e.Code, FlaggedAt = StorageTime.Normalize(e.At),
                        BlockNumber = e.BlockNumber, LogIndex = e.LogIndex, TxHash = e.TxHash,
                    });
                    feed += await FeedAsync(db, e.RecordId!, RecordChange.Flagged, now, ct).ConfigureAwait(false);
                    break;
                case RegistryEventKind.RecordUnflagged:
                    if (await OpenFlagAsync(db, e.RecordId!, e.ParticipantId!, ct).ConfigureAwait(false) is { } open)
                    {
                        open.UnflaggedAt = StorageTime.Normalize(e.At);
                        open.UnflagBlockNumber = e.BlockNumber;
                        open.UnflagLogIndex = e.LogIndex;
                        open.UnflagTxHash = e.TxHash;
                        open.UnflagReason = e.Code;
                        open.UnflaggedBy = e.Actor;
                        feed += await FeedAsync(db, e.RecordId!, RecordChange.Unflagged, now, ct).ConfigureAwait(false);
                    }
                    break;
                case RegistryEventKind.RecordEndorsed:
                    db.Endorsements.Add(new RecordEndorsementEntity
                    {
                        RecordId = e.RecordId!, VerifierId = e.ParticipantId!, EndorsedBy = e.Actor, Code = e.Code, EndorsedAt = StorageTime.Normalize(e.At),
                        BlockNumber = e.BlockNumber, LogIndex = e.LogIndex, TxHash = e.TxHash,
                    });
                    feed += await FeedAsync(db, e.RecordId!, RecordChange.Endorsed, now, ct).ConfigureAwait(false);
                    break;
                case RegistryEventKind.RecordRevoked or RegistryEventKind.RecordSuperseded:
                    var record = await db.Records.FirstOrDefaultAsync(r => r.Id == e.RecordId, ct).ConfigureAwait(false);
                    if (record is not null && record.RevokedAt is null)
                    {
                        record.RevokedAt = StorageTime.Normalize(e.At);
                        record.RevokedInBlock = e.BlockNumber;
                        record.RevokedTxHash = e.TxHash;
                        record.SupersededBy = e.Kind == RegistryEventKind.RecordSuperseded ? e.Related : null;
                        db.StatusChanges.Add(new RecordStatusChangeEntity
                        {
                            RecordId = record.Id, Change = e.Kind == RegistryEventKind.RecordRevoked ? RecordChange.Revoked : RecordChange.Superseded,
                            Status = record.Status, BatchId = record.BatchId, At = now,
                        });
                        feed++;
                    }
                    break;
            }
        }
        return feed;
    }

    /// <summary>
    /// Undoes what the index holds from blocks <paramref name="fromBlock"/>..<paramref name="toBlock"/> except the logs in
    /// <paramref name="keep"/> (those still on the canonical chain): audit rows, flags, unflags, endorsements and
    /// revocations go, each with a feed row. Returns how many feed rows were added.
    /// </summary>
    public static async Task<int> UndoAsync(TraceDbContext db, long fromBlock, long toBlock, IReadOnlySet<(long Block, int LogIndex)> keep, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(keep);
        var feed = 0;
        bool Gone(long block, int logIndex) => !keep.Contains((block, logIndex));

        var events = await db.RegistryEvents.Where(e => e.BlockNumber >= fromBlock && e.BlockNumber <= toBlock).ToListAsync(ct).ConfigureAwait(false);
        db.RegistryEvents.RemoveRange(events.Where(e => Gone(e.BlockNumber, e.LogIndex)));

        var unflags = await db.Flags.Where(f => f.UnflagBlockNumber >= fromBlock && f.UnflagBlockNumber <= toBlock).ToListAsync(ct).ConfigureAwait(false);
        foreach (var flag in unflags.Where(f => Gone(f.UnflagBlockNumber!.Value, f.UnflagLogIndex!.Value)))
        {
            (flag.UnflaggedAt, flag.UnflagBlockNumber, flag.UnflagLogIndex, flag.UnflagTxHash, flag.UnflagReason, flag.UnflaggedBy) = (null, null, null, null, null, null);
            feed += await FeedAsync(db, flag.RecordId, RecordChange.Flagged, now, ct).ConfigureAwait(false);
        }
        var flags = await db.Flags.Where(f => f.BlockNumber >= fromBlock && f.BlockNumber <= toBlock).ToListAsync(ct).ConfigureAwait(false);
        foreach (var flag in flags.Where(f => Gone(f.BlockNumber, f.LogIndex)))
        {
            db.Flags.Remove(flag);
            feed += await FeedAsync(db, flag.RecordId, RecordChange.Unflagged, now, ct).ConfigureAwait(false);
        }
        var endorsements = await db.Endorsements.Where(x => x.BlockNumber >= fromBlock && x.BlockNumber <= toBlock).ToListAsync(ct).ConfigureAwait(false);
        foreach (var endorsement in endorsements.Where(x => Gone(x.BlockNumber, x.LogIndex)))
        {
            db.Endorsements.Remove(endorsement);
            feed += await FeedAsync(db, endorsement.RecordId, RecordChange.Reorganised, now, ct).ConfigureAwait(false);
        }
        // A revocation row carries its block but not its log index: it stays when its block still holds a revocation of it.
        var keptRevocations = events.Where(e => e.Kind is RegistryEventKind.RecordRevoked or RegistryEventKind.RecordSuperseded && !Gone(e.BlockNumber, e.LogIndex))
            .Select(e => (e.RecordId, e.BlockNumber)).ToHashSet();
        var revoked = await db.Records.Where(r => r.RevokedInBlock >= fromBlock && r.RevokedInBlock <= toBlock).ToListAsync(ct).ConfigureAwait(false);
        foreach (var record in revoked.Where(r => !keptRevocations.Contains((r.Id, r.RevokedInBlock!.Value))))
        {
            (record.RevokedAt, record.RevokedInBlock, record.RevokedTxHash, record.SupersededBy) = (null, null, null, null);
            db.StatusChanges.Add(new RecordStatusChangeEntity { RecordId = record.Id, Change = RecordChange.Reorganised, Status = record.Status, BatchId = record.BatchId, At = now });
            feed++;
        }
        var blocks = await db.IndexedBlocks.Where(b => b.Number >= fromBlock && b.Number <= toBlock).ToListAsync(ct).ConfigureAwait(false);
        var keptBlocks = keep.Select(k => k.Block).ToHashSet();
        db.IndexedBlocks.RemoveRange(blocks.Where(b => !keptBlocks.Contains(b.Number)));
        return feed;
    }

    private static async Task<RecordFlagEntity?> OpenFlagAsync(TraceDbContext db, string recordId, string regulatorId, CancellationToken ct) =>
        db.Flags.Local.Where(f => f.RecordId == recordId && f.RegulatorId == regulatorId && f.UnflagBlockNumber is null).MaxBy(f => f.BlockNumber)
        ?? await db.Flags.Where(f => f.RecordId == recordId && f.RegulatorId == regulatorId && f.UnflagBlockNumber == null)
            .OrderByDescending(f => f.BlockNumber).FirstOrDefaultAsync(ct).ConfigureAwait(false);

    private static async Task RememberBlockAsync(TraceDbContext db, long number, byte[] hash, CancellationToken ct)
    {
        var block = db.IndexedBlocks.Local.FirstOrDefault(b => b.Number == number)
            ?? await db.IndexedBlocks.FirstOrDefaultAsync(b => b.Number == number, ct).ConfigureAwait(false);
        if (block is null) db.IndexedBlocks.Add(new IndexedBlockEntity { Number = number, Hash = hash });
        else block.Hash = hash;
    }

    private static async Task<int> FeedAsync(TraceDbContext db, string recordId, RecordChange change, DateTimeOffset now, CancellationToken ct)
    {
        var record = await db.Records.AsNoTracking().Where(r => r.Id == recordId).Select(r => new { r.Status, r.BatchId }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (record is null) return 0; // a claim this node does not index: the audit trail has it, the feed has no row to point at
        db.StatusChanges.Add(new RecordStatusChangeEntity { RecordId = recordId, Change = change, Status = record.Status, BatchId = record.BatchId, At = now });
        return 1;
    }

    private static RegistryEventEntity ToEntity(RegistryEvent e) => new()
    {
        Kind = e.Kind, At = StorageTime.Normalize(e.At), BlockNumber = e.BlockNumber, BlockHash = e.BlockHash, TxHash = e.TxHash, LogIndex = e.LogIndex,
        Contract = e.Contract, Actor = e.Actor, ActorParticipantId = e.ActorParticipantId, ParticipantId = e.ParticipantId, RecordId = e.RecordId,
        MerkleRoot = e.MerkleRoot, Code = e.Code, Related = e.Related, DetailJson = e.DetailJson,
    };
}
