using Microsoft.EntityFrameworkCore;
using Trace.Domain;
using Trace.Node.Storage.Entities;

namespace Trace.Node.Storage;

public sealed partial class TraceStore
{
    /// <summary>
    /// Inserts an accepted claim and its ACCEPTED feed row on <paramref name="db"/>, inside the caller's open
    /// transaction, so other rows (the lineage) commit with it or not at all. Same rows as
    /// <see cref="AddAcceptedClaimsAsync"/>; the caller calls <see cref="ClaimsCommitted"/> after its commit.
    /// </summary>
    /// <returns>The record and true, or the record already there and false (nothing inserted).</returns>
    public async Task<AddClaimResult> StageAcceptedClaimAsync(TraceDbContext db, AcceptedClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(claim);
        claim.Validate();
        var entity = claim.ToEntity(Now);
        var inserted = await BulkInsert.InsertAsync(db, [entity], cancellationToken, skipExisting: true).ConfigureAwait(false);
        if (!inserted[0])
        {
            var found = await db.Records.AsNoTracking().Include(r => r.Batch).FirstAsync(r => r.Id == entity.Id, cancellationToken).ConfigureAwait(false);
            return new AddClaimResult(found.ToDomain(), false);
        }
        RecordStatusChangeEntity[] feed = [new() { RecordId = entity.Id, Change = RecordChange.Accepted, Status = RecordStatus.Pending, At = entity.AcceptedAt }];
        await BulkInsert.InsertAsync(db, feed, cancellationToken).ConfigureAwait(false);
        return new AddClaimResult(entity.ToDomain(), true);
    }

    /// <summary>Wakes the status feed's watchers after a commit that staged claims through <see cref="StageAcceptedClaimAsync"/>.</summary>
    public void ClaimsCommitted() => _feedSignal.Notify();

    /// <summary>Opens a context on the index for a unit of work that spans stores (the lineage commit).</summary>
    public TraceDbContext OpenContext() => Open();
}
