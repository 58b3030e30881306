using Microsoft.EntityFrameworkCore;
using Trace.Node.Lineage.Storage.Entities;

namespace Trace.Node.Lineage.Queries;

public sealed partial class LineageQueries
{
    /// <summary>
    /// True when one of <paramref name="keys"/> produced <paramref name="batchId"/>, or sent, carried (issued) or
    /// received a shipment of it: the batches whose lineage a supplier, carrier or buyer may read.
    /// </summary>
    public async Task<bool> IsWithinReachAsync(string batchId, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        if (keys.Count == 0) return false;
        var mine = new HashSet<string>(keys, StringComparer.OrdinalIgnoreCase);
        await using var db = store.OpenContext();
        var producer = await db.Set<LineageBatchEntity>().AsNoTracking().Where(b => b.BatchId == batchId).Select(b => b.Producer).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (producer is not null && mine.Contains(producer)) return true;
        // Addresses are stored as the records wrote them (any case): compared here, not in SQL.
        var shipments = await db.Set<LineageShipmentEntity>().AsNoTracking().Where(s => s.BatchId == batchId)
            .Select(s => new { s.Issuer, s.FromParticipant, s.ToParticipant }).ToListAsync(ct).ConfigureAwait(false);
        return shipments.Any(s => mine.Contains(s.Issuer) || mine.Contains(s.FromParticipant) || mine.Contains(s.ToParticipant));
    }
}
