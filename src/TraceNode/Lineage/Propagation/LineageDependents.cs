using Microsoft.EntityFrameworkCore;
using Trace.Domain;
using Trace.Node.Lineage.Storage.Entities;
using Trace.Node.Storage;

namespace Trace.Node.Lineage.Propagation;

/// <summary>Finds the batches whose own figures rest on given records (as lineage records or as cited evidence).</summary>
internal static class LineageDependents
{
    /// <summary>Batches whose own figures (not their inputs') use one of <paramref name="recordIds"/>.</summary>
    public static async Task<List<string>> BatchesRestingOnAsync(TraceDbContext db, IReadOnlyList<string> recordIds, CancellationToken ct)
    {
        var batches = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in recordIds.Select(r => r.ToLowerInvariant()).Distinct().Chunk(500))
        {
            var ids = chunk.ToList();
            var citing = await db.Set<LineageCitationEntity>().AsNoTracking().Where(c => ids.Contains(c.CitedRecordId)).Select(c => c.RecordId).Distinct().ToListAsync(ct).ConfigureAwait(false);
            var all = ids.Concat(citing).Distinct().ToList();
            var records = await db.Set<LineageRecordEntity>().AsNoTracking().Where(r => all.Contains(r.RecordId) && r.Current).ToListAsync(ct).ConfigureAwait(false);
            foreach (var record in records)
                foreach (var batchId in await BatchesOfAsync(db, record.Kind, record.Identifier, ct).ConfigureAwait(false))
                    batches.Add(batchId);
        }
        return [.. batches];
    }

    private static async Task<List<string>> BatchesOfAsync(TraceDbContext db, RecordKind kind, string identifier, CancellationToken ct)
    {
        switch (kind)
        {
            case RecordKind.Batch:
            case RecordKind.ProductCarbonFootprint:
                return [identifier];
            case RecordKind.Transformation:
                return await db.Set<LineageOutputEntity>().AsNoTracking().Where(o => o.TransformationId == identifier).Select(o => o.BatchId).ToListAsync(ct).ConfigureAwait(false);
            case RecordKind.Shipment:
                return await OutputsDrawingOnShipmentAsync(db, identifier, ct).ConfigureAwait(false);
            default:
                return [];
        }
    }

    /// <summary>
    /// The outputs of the transformations that draw on <paramref name="shipmentId"/>, directly or through any shipment
    /// onward of it (<c>drawsFromShipmentId</c>, followed to the end): the batches whose own figures use its legs.
    /// </summary>
    public static async Task<List<string>> OutputsDrawingOnShipmentAsync(TraceDbContext db, string shipmentId, CancellationToken ct)
    {
        var shipments = new List<string> { shipmentId };
        var frontier = new List<string> { shipmentId };
        while (frontier.Count > 0)
        {
            var current = frontier;
            frontier = await db.Set<LineageShipmentEntity>().AsNoTracking().Where(s => s.DrawsFrom != null && current.Contains(s.DrawsFrom)).Select(s => s.ShipmentId).ToListAsync(ct).ConfigureAwait(false);
            shipments.AddRange(frontier);
        }
        var transformations = await db.Set<LineageInputEntity>().AsNoTracking().Where(i => i.ShipmentId != null && shipments.Contains(i.ShipmentId)).Select(i => i.TransformationId).Distinct().ToListAsync(ct).ConfigureAwait(false);
        return await db.Set<LineageOutputEntity>().AsNoTracking().Where(o => transformations.Contains(o.TransformationId)).Select(o => o.BatchId).ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The follower's stored position, or 0 before its first run.</summary>
    public static async Task<long> ReadCursorAsync(TraceDbContext db, string name, CancellationToken ct) =>
        (await db.Set<LineageCursorEntity>().AsNoTracking().FirstOrDefaultAsync(c => c.Name == name, ct).ConfigureAwait(false))?.Sequence ?? 0;

    /// <summary>Moves the follower's position (insert or update) on <paramref name="db"/>, committed with the recomputed rows.</summary>
    public static async Task SaveCursorAsync(TraceDbContext db, string name, long sequence, DateTimeOffset now, CancellationToken ct)
    {
        var cursor = await db.Set<LineageCursorEntity>().FirstOrDefaultAsync(c => c.Name == name, ct).ConfigureAwait(false);
        if (cursor is null) db.Set<LineageCursorEntity>().Add(cursor = new LineageCursorEntity { Name = name });
        cursor.Sequence = Math.Max(cursor.Sequence, sequence);
        cursor.UpdatedAt = now;
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }
}
