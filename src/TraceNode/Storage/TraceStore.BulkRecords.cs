using Microsoft.EntityFrameworkCore;
using Trace.Node.Domain;
using Trace.Node.Storage.Entities;

namespace Trace.Node.Storage;

public sealed partial class TraceStore
{
    /// <summary>
    /// Queues many accepted claims in one transaction (one disk sync for all: the group commit behind
    /// <see cref="ClaimCommitQueue"/>). Same idempotency as <see cref="AddAcceptedClaimAsync"/>; results in input order.
    /// </summary>
    public async Task<IReadOnlyList<AddClaimResult>> AddAcceptedClaimsAsync(IReadOnlyList<AcceptedClaim> claims, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claims);
        foreach (var claim in claims) claim.Validate();
        var ids = claims.Select(c => c.RecordId).Distinct().ToList();
        await using var db = Open();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var existing = await db.Records.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken).ConfigureAwait(false);
        var results = new AddClaimResult[claims.Count];
        var added = new Dictionary<string, EvidenceRecordEntity>();
        var feed = new List<RecordStatusChangeEntity>(claims.Count);
        var now = Now;
        for (var i = 0; i < claims.Count; i++)
        {
            var id = claims[i].RecordId;
            if (existing.TryGetValue(id, out var found)) { results[i] = new(found, false); continue; }
            if (added.TryGetValue(id, out var twin)) { results[i] = new(twin, false); continue; }
            var record = claims[i].ToEntity(now);
            feed.Add(new RecordStatusChangeEntity { RecordId = id, Change = RecordChange.Accepted, Status = RecordStatus.Pending, At = record.AcceptedAt });
            added[id] = record;
            results[i] = new(record, true);
        }
        await BulkInsert.InsertAsync(db, added.Values.ToList(), cancellationToken).ConfigureAwait(false);
        await BulkInsert.InsertAsync(db, feed, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return results;
    }
}
