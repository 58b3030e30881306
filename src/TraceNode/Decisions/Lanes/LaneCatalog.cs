using Microsoft.EntityFrameworkCore;
using Trace.Domain.Lineage;
using Trace.Node.Decisions.Storage;
using Trace.Node.Storage;

namespace Trace.Node.Decisions.Lanes;

/// <summary>
/// The lane catalogue in the index database (table Lanes): the operator's lanes (file at start-up, admin calls) and
/// carriers' own lanes. Route queries read an in-memory snapshot, refreshed after every write through this node and at
/// most <see cref="SnapshotMaxAge"/> after a write through another instance.
/// </summary>
public sealed class LaneCatalog(IDbContextFactory<TraceDbContext> contexts, TimeProvider clock)
{
    /// <summary>How long a snapshot serves queries before it is read again.</summary>
    public static readonly TimeSpan SnapshotMaxAge = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Snapshot? _snapshot;

    /// <summary>Every lane, ordered by lane id (ordinal).</summary>
    public async Task<IReadOnlyList<Lane>> AllAsync(CancellationToken ct)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && clock.GetUtcNow() - snapshot.ReadAt < SnapshotMaxAge) return snapshot.Lanes;
        await _refresh.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            snapshot = _snapshot;
            if (snapshot is not null && clock.GetUtcNow() - snapshot.ReadAt < SnapshotMaxAge) return snapshot.Lanes;
            await using var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
            var rows = await db.Set<LaneEntity>().AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
            var lanes = rows.Select(ToLane).OrderBy(l => l.LaneId, StringComparer.Ordinal).ToList();
            _snapshot = new Snapshot(lanes, clock.GetUtcNow());
            return lanes;
        }
        finally { _refresh.Release(); }
    }

    /// <summary>
    /// Writes <paramref name="lanes"/> in one transaction (insert or replace by lane id). With <paramref name="carrierOwner"/>
    /// set, every lane id must be new or already that carrier's (else <see cref="LaneOwnershipException"/>, nothing written).
    /// </summary>
    public async Task<(int Created, int Replaced)> PutAsync(IReadOnlyList<Lane> lanes, string? carrierOwner, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lanes);
        await using var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        var ids = lanes.Select(l => l.LaneId).ToList();
        var existing = await db.Set<LaneEntity>().Where(l => ids.Contains(l.LaneId)).ToDictionaryAsync(l => l.LaneId, StringComparer.Ordinal, ct).ConfigureAwait(false);
        var created = 0;
        for (var i = 0; i < lanes.Count; i++)
        {
            var lane = lanes[i];
            if (existing.TryGetValue(lane.LaneId, out var row))
            {
                if (carrierOwner is not null && row.Owner != carrierOwner) throw new LaneOwnershipException($"lanes[{i}].lane_id", lane.LaneId, row.Owner);
                Copy(lane, row);
            }
            else
            {
                row = new LaneEntity { LaneId = lane.LaneId, Mode = "", Origin = "", Destination = "", Owner = "" };
                Copy(lane, row);
                db.Add(row);
                existing[lane.LaneId] = row;
                created++;
            }
        }
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        _snapshot = null;
        return (created, lanes.Count - created);
    }

    /// <summary>Deletes lanes by id; with <paramref name="carrierOwner"/> set only that carrier's (else <see cref="LaneOwnershipException"/>). Returns how many existed.</summary>
    public async Task<int> DeleteAsync(IReadOnlyList<string> laneIds, string? carrierOwner, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(laneIds);
        await using var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        var rows = await db.Set<LaneEntity>().Where(l => laneIds.Contains(l.LaneId)).ToListAsync(ct).ConfigureAwait(false);
        if (carrierOwner is not null && rows.FirstOrDefault(r => r.Owner != carrierOwner) is { } foreign)
            throw new LaneOwnershipException($"lane_ids[{laneIds.ToList().IndexOf(foreign.LaneId)}]", foreign.LaneId, foreign.Owner);
        db.RemoveRange(rows);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        _snapshot = null;
        return rows.Count;
    }

    private void Copy(Lane lane, LaneEntity row)
    {
        row.Mode = TransportModeNames.ToName(lane.Mode);
        row.Origin = lane.Origin;
        row.Destination = lane.Destination;
        row.DistanceKm = lane.DistanceKm;
        row.TransitDays = lane.TransitDays;
        row.HandlingDays = lane.HandlingDays;
        row.MeasuredKgCo2ePerTonneKm = lane.MeasuredKgCo2ePerTonneKm;
        row.IntensitySource = lane.IntensitySource;
        row.Owner = lane.Owner;
        row.UpdatedAt = StorageTime.Normalize(clock.GetUtcNow());
    }

    private static Lane ToLane(LaneEntity row) =>
        new(row.LaneId, TransportModeNames.TryParse(row.Mode, out var mode) ? mode : throw new InvalidDataException($"lane {row.LaneId}: unknown mode {row.Mode}"),
            row.Origin, row.Destination, row.DistanceKm, row.TransitDays, row.HandlingDays, row.MeasuredKgCo2ePerTonneKm, row.IntensitySource, row.Owner, row.UpdatedAt);

    private sealed record Snapshot(IReadOnlyList<Lane> Lanes, DateTimeOffset ReadAt);
}
