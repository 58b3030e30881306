using Microsoft.EntityFrameworkCore;
using Trace.Domain;
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
        await using var db = Open();
        using var turn = await WriteTurnAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var results = new AddClaimResult[claims.Count];
        var fresh = new Dictionary<string, EvidenceRecordEntity>(claims.Count);
        var now = Now;
        foreach (var claim in claims) fresh.TryAdd(claim.RecordId, claim.ToEntity(now));
        var candidates = fresh.Values.ToList();
        // No look-up first: the insert skips ids that exist (a resubmission), and only those are read back.
        var inserted = await BulkInsert.InsertAsync(db, candidates, cancellationToken, skipExisting: true).ConfigureAwait(false);
        var feed = new List<RecordStatusChangeEntity>(candidates.Count);
        var outcome = new Dictionary<string, AddClaimResult>(candidates.Count);
        var existingIds = new List<string>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var record = candidates[i];
            if (!inserted[i]) { existingIds.Add(record.Id); continue; }
            feed.Add(new RecordStatusChangeEntity { RecordId = record.Id, Change = RecordChange.Accepted, Status = RecordStatus.Pending, At = record.AcceptedAt });
            outcome[record.Id] = new(record.ToDomain(), true);
        }
        if (existingIds.Count > 0)
            foreach (var found in await db.Records.AsNoTracking().Include(r => r.Batch).Where(r => existingIds.Contains(r.Id)).ToListAsync(cancellationToken).ConfigureAwait(false))
                outcome[found.Id] = new(found.ToDomain(), false);
        await BulkInsert.InsertAsync(db, feed, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (feed.Count > 0) _feedSignal.Notify();

        var answered = new HashSet<string>();
        for (var i = 0; i < claims.Count; i++)
        {
            var result = outcome[claims[i].RecordId];
            // The first of two identical claims in one group created the record; the second finds it.
            results[i] = result.Created && !answered.Add(claims[i].RecordId) ? result with { Created = false } : result;
        }
        return results;
    }
}
