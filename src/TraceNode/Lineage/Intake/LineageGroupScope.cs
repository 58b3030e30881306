using Microsoft.EntityFrameworkCore;
using Trace.Domain;
using Trace.Domain.Lineage;
using Trace.Node.Lineage.Storage;
using Trace.Node.Lineage.Storage.Entities;
using Trace.Node.Storage;

namespace Trace.Node.Lineage.Intake;

/// <summary>
/// What the single writer knows about one group of lineage records beyond the database: the rows its records
/// referenced, read once for the whole group, and the inputs and outputs its accepted records added but have not
/// flushed yet. The writer's look-ups consult it first, so a group of 256 records asks the database a few times instead
/// of several times per record.
/// </summary>
/// <remarks>
/// Read at the start of the group (<see cref="PreloadAsync"/>): the batches, shipments and transformations the records
/// name are tracked by the context; the ids among them with no row are remembered as absent (a record of the group that
/// adds one leaves it tracked, so "not tracked and absent" stays true); the batches the group's transformations produce
/// are read with their consumers, for the cycle check; the records the group cites are read as known. Whenever the
/// context's tracker is cleared or rows are removed (a correction), <see cref="Forget"/> drops all of it and the writer
/// asks the database again.
/// </remarks>
internal sealed class LineageGroupScope
{
    private readonly HashSet<string> _absentBatches = new(StringComparer.Ordinal);
    private readonly HashSet<string> _absentShipments = new(StringComparer.Ordinal);
    private readonly HashSet<string> _absentTransformations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RecordKind> _knownRecords = new(StringComparer.Ordinal);

    // Consumers in the database at the start of the group, for the batches covered (every one read, with or without).
    private readonly Dictionary<string, List<string>> _storedConsumers = new(StringComparer.Ordinal);

    // Rows added by the group's accepted records: consumers of a batch, outputs of a transformation.
    private readonly Dictionary<string, List<string>> _addedConsumers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _addedOutputs = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="batchId"/> has no row and none is tracked: no look-up needed.</summary>
    public bool IsAbsentBatch(string batchId) => _absentBatches.Contains(batchId);

    /// <summary>True when <paramref name="shipmentId"/> has no row and none is tracked: no look-up needed.</summary>
    public bool IsAbsentShipment(string shipmentId) => _absentShipments.Contains(shipmentId);

    /// <summary>True when <paramref name="transformationId"/> has no row and none is tracked: no look-up needed.</summary>
    public bool IsAbsentTransformation(string transformationId) => _absentTransformations.Contains(transformationId);

    /// <summary>True when the record (lower-case id) was known to this node at the start of the group; false: ask the database.</summary>
    public bool IsKnownRecord(string recordId) => _knownRecords.ContainsKey(recordId);

    /// <summary>The kind of a record (lower-case id) known at the start of the group, or null when the database must be asked.</summary>
    public RecordKind? KindOf(string recordId) => _knownRecords.TryGetValue(recordId, out var kind) ? kind : null;

    /// <summary>
    /// The transformations consuming any of <paramref name="batchIds"/>, when this scope knows them all (stored ones read at
    /// the start of the group, added ones since); null when a batch was not covered and the database must be asked.
    /// </summary>
    public List<string>? ConsumersOf(IReadOnlyList<string> batchIds)
    {
        var consumers = new List<string>();
        foreach (var batchId in batchIds)
        {
            if (!_storedConsumers.TryGetValue(batchId, out var stored)) return null;
            consumers.AddRange(stored);
            if (_addedConsumers.TryGetValue(batchId, out var added)) consumers.AddRange(added);
        }
        return consumers;
    }

    /// <summary>The group's added consumers of <paramref name="batchIds"/> (not yet in the database when not flushed).</summary>
    public IEnumerable<string> AddedConsumersOf(IEnumerable<string> batchIds) =>
        batchIds.SelectMany(b => _addedConsumers.TryGetValue(b, out var added) ? added : []);

    /// <summary>The group's added outputs of <paramref name="transformationIds"/>.</summary>
    public IEnumerable<string> AddedOutputsOf(IEnumerable<string> transformationIds) =>
        transformationIds.SelectMany(t => _addedOutputs.TryGetValue(t, out var added) ? added : []);

    /// <summary>Notes an accepted transformation's inputs and outputs for the cycle checks of the records after it.</summary>
    public void Added(string transformationId, IEnumerable<string> inputBatchIds, IEnumerable<string> outputBatchIds)
    {
        foreach (var batchId in inputBatchIds) Append(_addedConsumers, batchId, transformationId);
        foreach (var batchId in outputBatchIds) Append(_addedOutputs, transformationId, batchId);
    }

    /// <summary>Drops everything known: the tracker was cleared or rows were removed, so only the database can say.</summary>
    public void Forget()
    {
        _absentBatches.Clear();
        _absentShipments.Clear();
        _absentTransformations.Clear();
        _knownRecords.Clear();
        _storedConsumers.Clear();
        _addedConsumers.Clear();
        _addedOutputs.Clear();
    }

    /// <summary>Reads, with a few queries, what the group's records refer to (see the type's remarks).</summary>
    public async Task PreloadAsync(TraceDbContext db, IEnumerable<LineageRecord> records, CancellationToken ct)
    {
        var batches = new HashSet<string>(StringComparer.Ordinal);
        var shipments = new HashSet<string>(StringComparer.Ordinal);
        var transformations = new HashSet<string>(StringComparer.Ordinal);
        var produced = new HashSet<string>(StringComparer.Ordinal);
        var cited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            switch (record)
            {
                case BatchRecord batch:
                    batches.Add(batch.BatchId);
                    break;
                case TransformationRecord transformation:
                    transformations.Add(transformation.TransformationId);
                    foreach (var input in transformation.Inputs)
                    {
                        batches.Add(input.BatchId);
                        if (input.ShipmentId is { } shipmentId) shipments.Add(shipmentId);
                    }
                    foreach (var output in transformation.Outputs)
                    {
                        batches.Add(output.BatchId);
                        produced.Add(output.BatchId);
                    }
                    break;
                case ShipmentRecord shipment:
                    shipments.Add(shipment.ShipmentId);
                    batches.Add(shipment.BatchId);
                    if (shipment.DrawsFromShipmentId is { } parent) shipments.Add(parent);
                    break;
                case FootprintDeclaration declaration:
                    batches.Add(declaration.BatchId);
                    break;
            }
            foreach (var id in record.CitedRecordIds()) cited.Add(id.ToLowerInvariant());
        }

        await TrackedRows.ByKeyAsync<LineageBatchEntity>(db, batches, ct, _absentBatches).ConfigureAwait(false);
        await TrackedRows.ByKeyAsync<LineageShipmentEntity>(db, shipments, ct, _absentShipments).ConfigureAwait(false);
        await TrackedRows.ByKeyAsync<LineageTransformationEntity>(db, transformations, ct, _absentTransformations).ConfigureAwait(false);
        foreach (var chunk in produced.Chunk(500))
        {
            var ids = chunk.ToList();
            foreach (var id in ids) _storedConsumers[id] = [];
            foreach (var input in await db.Set<LineageInputEntity>().AsNoTracking().Where(i => ids.Contains(i.BatchId)).Select(i => new { i.BatchId, i.TransformationId }).ToListAsync(ct).ConfigureAwait(false))
                _storedConsumers[input.BatchId].Add(input.TransformationId);
        }
        var queries = LineageCompiledQueries.For(db);
        foreach (var chunk in cited.Chunk(500))
            await foreach (var known in queries.KindsOf(db, chunk.ToList()).WithCancellation(ct).ConfigureAwait(false))
                _knownRecords[known.Id] = known.Kind;
    }

    private static void Append(Dictionary<string, List<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(value);
    }
}
