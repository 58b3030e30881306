using Microsoft.EntityFrameworkCore;
using Trace.Domain;
using Trace.Node.Lineage.Storage.Entities;
using Trace.Node.Storage;

namespace Trace.Node.Lineage.Storage;

/// <summary>
/// The lineage writer's per-record queries, compiled once per provider (<see cref="CompiledQueriesPerContext{TQueries}"/>):
/// the single writer runs each of them for every record it applies.
/// </summary>
internal sealed class LineageCompiledQueries
{
    /// <summary>The queries for <paramref name="db"/>'s provider.</summary>
    public static LineageCompiledQueries For(TraceDbContext db) => CompiledQueriesPerContext<LineageCompiledQueries>.For(db);

    /// <summary>A batch by id (tracked).</summary>
    public Func<TraceDbContext, string, CancellationToken, Task<LineageBatchEntity?>> BatchById { get; } =
        EF.CompileAsyncQuery((TraceDbContext c, string id, CancellationToken ct) => c.Set<LineageBatchEntity>().FirstOrDefault(b => b.BatchId == id));

    /// <summary>A transformation by id (tracked).</summary>
    public Func<TraceDbContext, string, CancellationToken, Task<LineageTransformationEntity?>> TransformationById { get; } =
        EF.CompileAsyncQuery((TraceDbContext c, string id, CancellationToken ct) => c.Set<LineageTransformationEntity>().FirstOrDefault(t => t.TransformationId == id));

    /// <summary>A shipment by id (tracked).</summary>
    public Func<TraceDbContext, string, CancellationToken, Task<LineageShipmentEntity?>> ShipmentById { get; } =
        EF.CompileAsyncQuery((TraceDbContext c, string id, CancellationToken ct) => c.Set<LineageShipmentEntity>().FirstOrDefault(s => s.ShipmentId == id));

    /// <summary>A transformation's inputs, in their order in the record (untracked).</summary>
    public Func<TraceDbContext, string, IAsyncEnumerable<LineageInputEntity>> InputsOf { get; } =
        EF.CompileAsyncQuery<TraceDbContext, string, LineageInputEntity>((c, transformationId) =>
            c.Set<LineageInputEntity>().AsNoTracking().Where(i => i.TransformationId == transformationId).OrderBy(i => i.Position));

    /// <summary>A transformation's outputs (untracked).</summary>
    public Func<TraceDbContext, string, IAsyncEnumerable<LineageOutputEntity>> OutputsOf { get; } =
        EF.CompileAsyncQuery((TraceDbContext c, string transformationId) =>
            c.Set<LineageOutputEntity>().AsNoTracking().Where(o => o.TransformationId == transformationId));

    /// <summary>The transformations consuming any of the batches.</summary>
    public Func<TraceDbContext, List<string>, IAsyncEnumerable<string>> ConsumersOf { get; } =
        EF.CompileAsyncQuery((TraceDbContext c, List<string> batchIds) =>
            c.Set<LineageInputEntity>().Where(i => batchIds.Contains(i.BatchId)).Select(i => i.TransformationId).Distinct());

    /// <summary>The citations made by any of the records (untracked), in key order: a record's evidence is listed alike whether read alone or with others.</summary>
    public Func<TraceDbContext, List<string>, IAsyncEnumerable<LineageCitationEntity>> CitationsBy { get; } =
        EF.CompileAsyncQuery<TraceDbContext, List<string>, LineageCitationEntity>((c, recordIds) =>
            c.Set<LineageCitationEntity>().AsNoTracking().Where(x => recordIds.Contains(x.RecordId))
                .OrderBy(x => x.RecordId).ThenBy(x => x.CitedRecordId).ThenBy(x => x.Role));

    /// <summary>The records among <c>recordIds</c> this node holds, with their kinds.</summary>
    public Func<TraceDbContext, List<string>, IAsyncEnumerable<RecordKindRow>> KindsOf { get; } =
        EF.CompileAsyncQuery((TraceDbContext c, List<string> recordIds) => c.Records.Where(r => recordIds.Contains(r.Id)).Select(r => new RecordKindRow(r.Id, r.Kind)));

    /// <summary>A record's id and kind as read by <see cref="KindsOf"/>.</summary>
    public sealed record RecordKindRow(string Id, RecordKind Kind);

    /// <summary>The standing columns of the records among <c>recordIds</c> this node holds.</summary>
    public Func<TraceDbContext, List<string>, IAsyncEnumerable<StandingRow>> StandingsOf { get; } =
        EF.CompileAsyncQuery((TraceDbContext c, List<string> recordIds) =>
            c.Records.Where(r => recordIds.Contains(r.Id))
                .Select(r => new StandingRow(r.Id, r.Kind, r.Status, r.RevokedAt != null, r.SupersededBy)));

    /// <summary>A record's standing columns as read by <see cref="StandingsOf"/>.</summary>
    public sealed record StandingRow(string Id, RecordKind Kind, RecordStatus Status, bool Revoked, string? SupersededBy);
}
