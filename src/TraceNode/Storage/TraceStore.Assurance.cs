using Microsoft.EntityFrameworkCore;
using Trace.Domain;
using Trace.Domain.Assurance;

namespace Trace.Node.Storage;

public sealed partial class TraceStore
{
    /// <summary>Wakes the status feed's watchers after a writer committed feed rows on its own context.</summary>
    public void FeedWritten() => _feedSignal.Notify();

    /// <summary>The open flags and the endorsements of <paramref name="recordIds"/>, by record id, oldest first.</summary>
    public async Task<(ILookup<string, RecordFlag> Flags, ILookup<string, RecordEndorsement> Endorsements)> GetMarksAsync(
        IReadOnlyCollection<string> recordIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recordIds);
        var ids = recordIds.Select(id => id.ToLowerInvariant()).Distinct().ToList();
        if (ids.Count == 0) return (Array.Empty<RecordFlag>().ToLookup(f => f.RecordId), Array.Empty<RecordEndorsement>().ToLookup(e => e.RecordId));
        await using var db = Open();
        var flags = await (from f in db.Flags.AsNoTracking()
                           where ids.Contains(f.RecordId) && f.UnflagBlockNumber == null
                           join n in db.FlagNotes.AsNoTracking() on f.TxHash equals n.TxHash into notes
                           from n in notes.DefaultIfEmpty()
                           orderby f.BlockNumber, f.LogIndex
                           select new { f, Note = n == null ? null : n.Note, Uri = n == null ? null : n.Uri })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var endorsements = await db.Endorsements.AsNoTracking().Where(e => ids.Contains(e.RecordId))
            .OrderBy(e => e.BlockNumber).ThenBy(e => e.LogIndex).ToListAsync(cancellationToken).ConfigureAwait(false);
        return (
            flags.Select(x => new RecordFlag(x.f.RecordId, x.f.RegulatorId, x.f.FlaggedBy, (ushort)x.f.Reason, x.f.FlaggedAt, x.f.BlockNumber, x.f.TxHash, x.Note, x.Uri))
                .ToLookup(f => f.RecordId, StringComparer.Ordinal),
            endorsements.Select(e => new RecordEndorsement(e.RecordId, e.VerifierId, e.EndorsedBy, (ushort)e.Code, e.EndorsedAt, e.BlockNumber, e.TxHash))
                .ToLookup(e => e.RecordId, StringComparer.Ordinal));
    }

    /// <summary>The subset of <paramref name="recordIds"/> with an open regulator flag in the index.</summary>
    public async Task<IReadOnlySet<string>> FlaggedAsync(IReadOnlyCollection<string> recordIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recordIds);
        if (recordIds.Count == 0) return new HashSet<string>();
        await using var db = Open();
        return await FlaggedAsync(db, recordIds, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The open-flag look-ups, compiled: the lineage writer asks them for the records of every group it applies.</summary>
    private sealed class FlagQueries
    {
        public Func<TraceDbContext, string, CancellationToken, Task<bool>> HasOpen { get; } =
            EF.CompileAsyncQuery((TraceDbContext c, string r, CancellationToken t) => c.Flags.Any(f => f.RecordId == r && f.UnflagBlockNumber == null));

        public Func<TraceDbContext, List<string>, IAsyncEnumerable<string>> OpenAmong { get; } =
            EF.CompileAsyncQuery((TraceDbContext c, List<string> r) =>
                c.Flags.Where(f => r.Contains(f.RecordId) && f.UnflagBlockNumber == null).Select(f => f.RecordId).Distinct());
    }

    /// <summary>The subset of <paramref name="recordIds"/> with an open regulator flag, read through <paramref name="db"/>.</summary>
    public static async Task<IReadOnlySet<string>> FlaggedAsync(TraceDbContext db, IReadOnlyCollection<string> recordIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(recordIds);
        var ids = recordIds.Select(id => id.ToLowerInvariant()).Distinct().ToList();
        var flagged = new HashSet<string>(StringComparer.Ordinal);
        if (ids.Count == 1)
        {
            // One id (a record just staged): a scalar parameter, not a list the query pipeline processes per call.
            if (await CompiledQueriesPerContext<FlagQueries>.For(db).HasOpen(db, ids[0], cancellationToken).ConfigureAwait(false)) flagged.Add(ids[0]);
            return flagged;
        }
        foreach (var chunk in ids.Chunk(500))
        {
            var part = chunk.ToList();
            await foreach (var id in CompiledQueriesPerContext<FlagQueries>.For(db).OpenAmong(db, part).WithCancellation(cancellationToken).ConfigureAwait(false))
                flagged.Add(id);
        }
        return flagged;
    }

    /// <summary>Keeps the note and link a regulator gave with a relayed flag (replacing an earlier one for the same transaction).</summary>
    public async Task SaveFlagNoteAsync(byte[] txHash, string recordId, string? note, string? uri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(txHash);
        await using var db = Open();
        var existing = await db.FlagNotes.FirstOrDefaultAsync(n => n.TxHash == txHash, cancellationToken).ConfigureAwait(false);
        if (existing is null) db.FlagNotes.Add(new Indexing.Storage.FlagNoteEntity { TxHash = txHash, RecordId = recordId.ToLowerInvariant(), Note = note, Uri = uri, CreatedAt = Now });
        else (existing.Note, existing.Uri) = (note, uri);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary><paramref name="record"/> with its open flags and endorsements.</summary>
    private async Task<EvidenceRecord> WithMarksAsync(EvidenceRecord record, CancellationToken cancellationToken)
    {
        var (flags, endorsements) = await GetMarksAsync([record.Id], cancellationToken).ConfigureAwait(false);
        return record with { OpenFlags = [.. flags[record.Id]], Endorsements = [.. endorsements[record.Id]] };
    }

    /// <summary>The records of a page with their open flags and endorsements (two queries for the page).</summary>
    private async Task<List<EvidenceRecord>> WithMarksAsync(List<EvidenceRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0) return records;
        var (flags, endorsements) = await GetMarksAsync(records.ConvertAll(r => r.Id), cancellationToken).ConfigureAwait(false);
        return records.ConvertAll(r => flags[r.Id].Any() || endorsements[r.Id].Any() ? r with { OpenFlags = [.. flags[r.Id]], Endorsements = [.. endorsements[r.Id]] } : r);
    }
}
