using Trace.Node.Lineage.Model;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trace.Node.Carbon.Footprint;

using Trace.Node.Lineage.Storage;
using Trace.Node.Lineage.Storage.Entities;
using Trace.Node.Storage;

namespace Trace.Node.Lineage.Propagation;

/// <summary>
/// Recomputes the materialised figures (F, P, V, breakdown, marks) of some batches and of everything downstream of
/// them, in topological order, inside the caller's transaction. Each batch reads only its own records and its inputs'
/// materialised figures: the cost follows the size of the downstream, never of the upstream.
/// </summary>
internal sealed partial class FootprintPropagator(TraceDbContext db, IRegulatorFlagSource flags, DateTimeOffset now)
{
    private readonly RecordStandings _standings = new(db, flags);
    private readonly LineageCompiledQueries _queries = LineageCompiledQueries.For(db);

    private DbSet<LineageBatchEntity> Batches => db.Set<LineageBatchEntity>();
    private DbSet<LineageInputEntity> Inputs => db.Set<LineageInputEntity>();
    private DbSet<LineageOutputEntity> Outputs => db.Set<LineageOutputEntity>();

    /// <summary>
    /// Recomputes <paramref name="seeds"/> and, when their figures change, their downstream.
    /// </summary>
    /// <param name="verificationPass">True for the status projector: the figures' standings moved, so <see cref="LineageBatchEntity.VerifiedAt"/> moves too.</param>
    /// <param name="seedsHaveNoDownstream">True when the caller knows no batch consumes or ships the seeds (a batch just declared): no look-up.</param>
    /// <returns>How many batches were recomputed.</returns>
    public async Task<int> RecomputeAsync(IReadOnlyCollection<string> seeds, bool verificationPass, CancellationToken ct, bool seedsHaveNoDownstream = false)
    {
        if (seeds.Count == 0) return 0;
        var (order, predecessors) = seedsHaveNoDownstream
            ? (seeds.Distinct().ToList(), seeds.Distinct().ToDictionary(s => s, _ => new List<string>(), StringComparer.Ordinal))
            : await DownstreamInOrderAsync(seeds, ct).ConfigureAwait(false);
        var seedSet = seeds.ToHashSet(StringComparer.Ordinal);
        await PreloadAsync(order, ct).ConfigureAwait(false);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        foreach (var batchId in order)
        {
            // A batch downstream is recomputed only when one of its inputs changed.
            if (!seedSet.Contains(batchId) && !predecessors[batchId].Any(changed.Contains)) continue;
            var batch = await Batches.FindAsync([batchId], ct).ConfigureAwait(false);
            if (batch is null) continue;
            if (await RecomputeOneAsync(batch, verificationPass, ct).ConfigureAwait(false)) changed.Add(batchId);
            count++;
        }
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return count;
    }

    // Read in bulk by PreloadAsync for the batches it was given; GatherAsync falls back to one query per batch for any
    // other. Inputs, outputs and citations do not change while figures are recomputed, so what was read stays true.
    private readonly Dictionary<string, List<LineageInputEntity>> _inputsOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<LineageOutputEntity>> _outputsOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<LineageCitationEntity>> _citationsBy = new(StringComparer.Ordinal);

    /// <summary>
    /// Reads, with one query each per 500, what recomputing <paramref name="batchIds"/> looks up batch by batch
    /// otherwise: the batches, the transformations producing them, their inputs and outputs, the inputs' batches and
    /// shipments (tracked), the citations of the batches' and transformations' records, and the standings of the records
    /// they all rest on. A recompute of many batches (a group's downstream, a projector chunk) then asks the database a
    /// few times instead of about ten times per batch.
    /// </summary>
    private async Task PreloadAsync(IReadOnlyList<string> batchIds, CancellationToken ct)
    {
        if (batchIds.Count < 2) return; // one batch: its own look-ups are as cheap
        var producers = new List<string>();
        var records = new List<string>();
        foreach (var batch in await TrackedRows.ByKeyAsync<LineageBatchEntity>(db, batchIds, ct).ConfigureAwait(false))
        {
            records.Add(batch.RecordId);
            if (batch.DeclarationRecordId is { } declaration) records.Add(declaration);
            if (batch.ProducedBy is { } producer) producers.Add(producer);
        }
        var transformationIds = producers.Distinct().ToList();
        foreach (var transformation in await TrackedRows.ByKeyAsync<LineageTransformationEntity>(db, transformationIds, ct).ConfigureAwait(false))
            records.Add(transformation.RecordId);
        var sources = new HashSet<string>(StringComparer.Ordinal);
        var shipments = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in transformationIds.Chunk(500))
        {
            var ids = chunk.ToList();
            foreach (var id in ids)
            {
                _inputsOf[id] = [];
                _outputsOf[id] = [];
            }
            foreach (var input in await Inputs.AsNoTracking().Where(i => ids.Contains(i.TransformationId)).OrderBy(i => i.TransformationId).ThenBy(i => i.Position).ToListAsync(ct).ConfigureAwait(false))
            {
                _inputsOf[input.TransformationId].Add(input);
                sources.Add(input.BatchId);
                if (input.ShipmentId is { } shipment) shipments.Add(shipment);
            }
            foreach (var output in await Outputs.AsNoTracking().Where(o => ids.Contains(o.TransformationId)).ToListAsync(ct).ConfigureAwait(false))
                _outputsOf[output.TransformationId].Add(output);
        }
        foreach (var chunk in records.Distinct().Chunk(500))
        {
            var ids = chunk.ToList();
            foreach (var id in ids) _citationsBy[id] = [];
            await foreach (var citation in _queries.CitationsBy(db, ids).WithCancellation(ct).ConfigureAwait(false))
                _citationsBy[citation.RecordId].Add(citation);
        }
        // The inputs' batches and the shipments they arrived by (a shipment's own upstream is looked up one by one).
        sources.ExceptWith(batchIds);
        await TrackedRows.ByKeyAsync<LineageBatchEntity>(db, sources, ct).ConfigureAwait(false);
        var standingsOf = new List<string>(records);
        foreach (var citations in _citationsBy.Values) standingsOf.AddRange(citations.Select(c => c.CitedRecordId));
        foreach (var shipment in await TrackedRows.ByKeyAsync<LineageShipmentEntity>(db, shipments, ct).ConfigureAwait(false))
            standingsOf.Add(shipment.RecordId);
        // The standings of every record read above, in one look-up for all.
        await _standings.LoadAsync(standingsOf, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Recomputes exactly <paramref name="order"/> (already topological: inputs before outputs), each once; for the
    /// status projector, which splits a large downstream into several short transactions.
    /// </summary>
    public async Task<int> RecomputeInOrderAsync(IReadOnlyList<string> order, bool verificationPass, CancellationToken ct)
    {
        await PreloadAsync(order, ct).ConfigureAwait(false);
        var count = 0;
        foreach (var batchId in order)
        {
            var batch = await Batches.FindAsync([batchId], ct).ConfigureAwait(false);
            if (batch is null) continue;
            await RecomputeOneAsync(batch, verificationPass, ct).ConfigureAwait(false);
            count++;
        }
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return count;
    }

    /// <summary>The seeds and their downstream, inputs before outputs; and each batch's predecessors within that set.</summary>
    public async Task<(List<string> Order, Dictionary<string, List<string>> Predecessors)> DownstreamInOrderAsync(IReadOnlyCollection<string> seeds, CancellationToken ct)
    {
        var predecessors = seeds.Distinct().ToDictionary(s => s, _ => new List<string>(), StringComparer.Ordinal);
        var successors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var frontier = predecessors.Keys.ToList();
        while (frontier.Count > 0)
        {
            var next = new List<string>();
            foreach (var chunk in frontier.Chunk(500))
            {
                var ids = chunk.ToList();
                var consumed = await Inputs.AsNoTracking().Where(i => ids.Contains(i.BatchId)).Select(i => new { i.BatchId, i.TransformationId }).Distinct().ToListAsync(ct).ConfigureAwait(false);
                if (consumed.Count == 0) continue;
                var transformations = consumed.Select(c => c.TransformationId).Distinct().ToList();
                var produced = await Outputs.AsNoTracking().Where(o => transformations.Contains(o.TransformationId)).Select(o => new { o.TransformationId, o.BatchId }).ToListAsync(ct).ConfigureAwait(false);
                var byTransformation = produced.ToLookup(p => p.TransformationId, p => p.BatchId);
                foreach (var edge in consumed)
                    foreach (var output in byTransformation[edge.TransformationId])
                    {
                        if (!predecessors.TryGetValue(output, out var list))
                        {
                            predecessors[output] = list = [];
                            next.Add(output);
                        }
                        if (!list.Contains(edge.BatchId)) list.Add(edge.BatchId);
                        if (!successors.TryGetValue(edge.BatchId, out var succ)) successors[edge.BatchId] = succ = [];
                        if (!succ.Contains(output)) succ.Add(output);
                    }
            }
            frontier = next;
        }
        // Kahn's algorithm over the closure (the lineage is acyclic: intake refuses cycles).
        var indegree = predecessors.ToDictionary(p => p.Key, p => p.Value.Count(predecessors.ContainsKey), StringComparer.Ordinal);
        var ready = new Queue<string>(indegree.Where(d => d.Value == 0).Select(d => d.Key));
        var order = new List<string>(predecessors.Count);
        while (ready.Count > 0)
        {
            var batchId = ready.Dequeue();
            order.Add(batchId);
            if (!successors.TryGetValue(batchId, out var succ)) continue;
            foreach (var s in succ)
                if (--indegree[s] == 0) ready.Enqueue(s);
        }
        return (order, predecessors);
    }

    /// <summary>Recomputes one batch from its records and its inputs' materialised figures; true when anything changed.</summary>
    private async Task<bool> RecomputeOneAsync(LineageBatchEntity batch, bool verificationPass, CancellationToken ct)
    {
        var gathered = await GatherAsync(batch, ct).ConfigureAwait(false);
        var result = FootprintCalculator.Compute(gathered.Input);
        var components = JsonSerializer.Serialize(result.Components, LineageJson.Options);
        var planned = result.PlannedTransport.Count == 0 ? null : JsonSerializer.Serialize(result.PlannedTransport, LineageJson.Options);
        var marksChanged = await UpdateMarksAsync(batch, gathered, ct).ConfigureAwait(false);
        var tnr = gathered.TransportNotReported.Count == 0 ? null : JsonSerializer.Serialize(gathered.TransportNotReported, LineageJson.Options);
        var versions = gathered.FactorVersions.Count == 0 ? null : JsonSerializer.Serialize(gathered.FactorVersions.Order(StringComparer.Ordinal).ToList(), LineageJson.Options);
        var changed = marksChanged || batch.Footprint != result.Total || batch.Primary != result.Primary || batch.Verified != result.Verified
            || batch.ComponentsJson != components || batch.TransportNotReportedJson != tnr || batch.TransportNotReportedUpstream != gathered.TransportNotReportedUpstream
            || batch.FactorVersionsJson != versions || batch.Standing != gathered.Standing || batch.PlannedTransportJson != planned;
        if (batch.Footprint != result.Total || batch.Primary != result.Primary || batch.ComponentsJson != components || batch.ComputedAt == default)
            batch.ComputedAt = now;
        batch.Footprint = result.Total;
        batch.Primary = result.Primary;
        batch.Verified = result.Verified;
        batch.ComponentsJson = components;
        batch.PlannedTransportJson = planned;
        batch.TransportNotReportedJson = tnr;
        batch.TransportNotReportedUpstream = gathered.TransportNotReportedUpstream;
        batch.FactorVersionsJson = versions;
        batch.Standing = gathered.Standing;
        batch.RestsOnWithdrawn = gathered.Marks.Count > 0;
        if (verificationPass || batch.VerifiedAt == default) batch.VerifiedAt = now;
        return changed;
    }
}
