using Microsoft.EntityFrameworkCore;
using Trace.Domain;
using Trace.Node.Storage.Entities;

namespace Trace.Node.Storage;

public sealed partial class TraceStore
{
    /// <summary>
    /// Queues an accepted claim as a Pending record. Idempotent on the claim digest: a claim that is already there
    /// (including one inserted concurrently by another request) is returned with <c>Created = false</c>.
    /// </summary>
    public async Task<AddClaimResult> AddAcceptedClaimAsync(AcceptedClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        // One path for one claim and for a group: the insert skips an existing id, so a concurrent submit of the
        // same claim cannot fail this one.
        return (await AddAcceptedClaimsAsync([claim], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>The record with this id ("0x" + 64 hex digits, any case), or null.</summary>
    public async Task<EvidenceRecord?> GetRecordAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        var key = id.ToLowerInvariant();
        EvidenceRecord? record;
        await using (var db = Open())
        {
            record = (await db.Records.AsNoTracking().Include(r => r.Batch).FirstOrDefaultAsync(r => r.Id == key, cancellationToken).ConfigureAwait(false))?.ToDomain();
        }
        return record is null ? null : await WithMarksAsync(record, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records whose content hash is <paramref name="contentHash"/> (one per issuer/claim), oldest first.</summary>
    public async Task<IReadOnlyList<EvidenceRecord>> FindByContentHashAsync(byte[] contentHash, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contentHash);
        await using var db = Open();
        var records = await db.Records.AsNoTracking().Include(r => r.Batch)
            .Where(r => r.ContentHash == contentHash)
            .OrderBy(r => r.AcceptedAt).ThenBy(r => r.Id)
            .Take(Math.Clamp(max, 1, RecordQuery.MaxPageSize))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return await WithMarksAsync(records.ConvertAll(r => r.ToDomain()), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One page of records matching <paramref name="query"/>, newest accepted first.</summary>
    /// <exception cref="InvalidCursorException">the cursor was not issued by this store.</exception>
    public async Task<RecordPage> ListRecordsAsync(RecordQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = query.PageSize <= 0 ? RecordQuery.DefaultPageSize : Math.Min(query.PageSize, RecordQuery.MaxPageSize);
        await using var db = Open();
        var records = db.Records.AsNoTracking().Include(r => r.Batch).AsQueryable();
        if (query.SubjectHash is { } subject) records = records.Where(r => r.SubjectHash == subject);
        if (query.SubjectPrefix is { Length: > 0 } prefix)
        {
            // A range, not LIKE: it uses IX_EvidenceRecords_Subject, and '%' or '_' in the prefix stay literal.
            records = records.Where(r => string.Compare(r.Subject, prefix) >= 0);
            if (SubjectPrefixRange.UpperBound(prefix) is { } upper) records = records.Where(r => string.Compare(r.Subject, upper) < 0);
        }
        if (query.Issuer is { } issuer)
        {
            var issuerText = issuer.ToString();
            records = records.Where(r => r.Issuer == issuerText);
        }
        if (query.Kind is { } kind) records = records.Where(r => r.Kind == kind);
        if (query.Status is { } status) records = records.Where(r => r.Status == status);
        if (query.AcceptedFrom is { } from)
        {
            var fromUtc = StorageTime.Normalize(from);
            records = records.Where(r => r.AcceptedAt >= fromUtc);
        }
        if (query.AcceptedBefore is { } before)
        {
            var beforeUtc = StorageTime.Normalize(before);
            records = records.Where(r => r.AcceptedAt < beforeUtc);
        }
        if (query.Cursor is { } token)
        {
            var cursor = RecordCursor.Decode(token);
            var at = cursor.AcceptedAt;
            var lastId = cursor.Id;
            records = records.Where(r => r.AcceptedAt < at || (r.AcceptedAt == at && string.Compare(r.Id, lastId) < 0));
        }

        var items = await records
            .OrderByDescending(r => r.AcceptedAt).ThenByDescending(r => r.Id)
            .Take(pageSize + 1)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (items.Count <= pageSize) return new RecordPage(await WithMarksAsync(items.ConvertAll(r => r.ToDomain()), cancellationToken).ConfigureAwait(false), null);
        items.RemoveAt(pageSize);
        var last = items[^1];
        return new RecordPage(await WithMarksAsync(items.ConvertAll(r => r.ToDomain()), cancellationToken).ConfigureAwait(false), new RecordCursor(last.AcceptedAt, last.Id).Encode());
    }

    /// <summary>
    /// Records an on-chain revocation or supersession. Returns false when the record is unknown; applying the same
    /// event again changes nothing.
    /// </summary>
    public async Task<bool> ApplyRevocationAsync(string recordId, RecordRevocation revocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recordId);
        ArgumentNullException.ThrowIfNull(revocation);
        var key = recordId.ToLowerInvariant();
        await using var db = Open();
        var record = await db.Records.FirstOrDefaultAsync(r => r.Id == key, cancellationToken).ConfigureAwait(false);
        if (record is null) return false;
        if (record.RevokedAt is not null) return true;

        record.RevokedAt = StorageTime.Normalize(revocation.ObservedAt);
        record.RevokedInBlock = revocation.BlockNumber;
        record.RevokedTxHash = revocation.TxHash;
        record.SupersededBy = revocation.SupersededBy?.ToLowerInvariant();
        db.StatusChanges.Add(new RecordStatusChangeEntity
        {
            RecordId = key,
            Change = revocation.SupersededBy is null ? RecordChange.Revoked : RecordChange.Superseded,
            Status = record.Status,
            BatchId = record.BatchId,
            At = Now,
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        _feedSignal.Notify();
        return true;
    }
}
