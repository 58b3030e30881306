using Microsoft.EntityFrameworkCore;
using Trace.Node.Lineage.Model;
using Trace.Node.Lineage.Storage.Entities;

namespace Trace.Node.Lineage.Queries;

public sealed partial class LineageQueries
{
    /// <summary>
    /// The batch ids declared for GTIN <paramref name="gtin14"/> (14 digits) and lot <paramref name="lot"/>, whatever host
    /// or scheme their identifiers were written with (https://id.gs1.org/01/…/10/…, another resolver, urn:epc:class:lgtin:…).
    /// Ordinal order; usually one.
    /// </summary>
    public async Task<IReadOnlyList<string>> FindBatchesByLotAsync(string gtin14, string lot, CancellationToken ct)
    {
        await using var db = store.OpenContext();
        await BackfillLotsAsync(db, ct).ConfigureAwait(false);
        var ids = await db.Set<LineageBatchEntity>().AsNoTracking().Where(b => b.Gtin == gtin14 && b.Lot == lot)
            .Select(b => b.BatchId).ToListAsync(ct).ConfigureAwait(false);
        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    private bool _lotsBackfilled;

    /// <summary>Batches declared before the GTIN/lot columns existed get them once, on the first lookup.</summary>
    private async Task BackfillLotsAsync(DbContext db, CancellationToken ct)
    {
        if (_lotsBackfilled) return;
        var missing = await db.Set<LineageBatchEntity>().Where(b => b.Gtin == null && b.Lot == null).ToListAsync(ct).ConfigureAwait(false);
        foreach (var batch in missing) (batch.Gtin, batch.Lot) = ProductLot.Of(batch.BatchId, null);
        if (missing.Exists(b => b.Gtin is not null || b.Lot is not null)) await db.SaveChangesAsync(ct).ConfigureAwait(false);
        _lotsBackfilled = true;
    }
}
