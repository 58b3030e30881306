using Microsoft.EntityFrameworkCore;
using Trace.Node.Lineage.Storage.Entities;
using Trace.Node.Storage;

namespace Trace.Node.Lineage.Queries;

public sealed partial class LineageQueries
{
    private const int Chunk = 500;

    private sealed record NodeRow(string BatchId, string RecordId, string Producer, string ProductName, decimal Quantity, string Unit,
        decimal Footprint, bool Declared, string Standing, bool RestsOnWithdrawn, bool TransportNotReported, string? ProducedBy);

    private sealed record InputRow(string TransformationId, string BatchId, decimal Amount, string Unit, decimal Converted, string? ShipmentId);

    private sealed record OutputRow(string TransformationId, string BatchId, decimal Weight);

    /// <summary>The upstream DAG of <paramref name="batchId"/>, or null when the batch is unknown.</summary>
    public async Task<LineageGraph?> GetUpstreamAsync(string batchId, int maxDepth, int maxNodes, CancellationToken ct)
    {
        await using var db = store.OpenContext();
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false); // one connection for every query of this read (per-open pragmas cost)
        var root = (await NodesAsync(db, [batchId], ct).ConfigureAwait(false)).FirstOrDefault();
        if (root is null) return null;
        var nodes = new Dictionary<string, (NodeRow Row, int Depth)>(StringComparer.Ordinal) { [root.BatchId] = (root, 0) };
        var order = new List<string> { root.BatchId };
        var edges = new List<(InputRow Input, string To, decimal Share, string RecordId)>();
        var truncated = false;
        var frontier = new List<NodeRow> { root };
        for (var depth = 1; frontier.Count > 0; depth++)
        {
            var producers = frontier.Where(n => n.ProducedBy is not null).Select(n => n.ProducedBy!).Distinct().ToList();
            if (producers.Count == 0) break;
            if (depth > maxDepth) { truncated = true; break; }
            var inputs = await InputsOfAsync(db, producers, ct).ConfigureAwait(false);
            var outputs = await OutputsOfAsync(db, producers, ct).ConfigureAwait(false);
            var records = await TransformationRecordsAsync(db, producers, ct).ConfigureAwait(false);
            var totals = outputs.GroupBy(o => o.TransformationId).ToDictionary(g => g.Key, g => g.Aggregate(0m, (s, o) => s + o.Weight), StringComparer.Ordinal);
            var fresh = inputs.Select(i => i.BatchId).Where(id => !nodes.ContainsKey(id)).Distinct().ToList();
            if (nodes.Count + fresh.Count > maxNodes)
            {
                truncated = true;
                fresh = fresh.Take(Math.Max(0, maxNodes - nodes.Count)).ToList();
            }
            var next = new List<NodeRow>();
            foreach (var row in await NodesAsync(db, fresh, ct).ConfigureAwait(false))
            {
                nodes[row.BatchId] = (row, depth);
                order.Add(row.BatchId);
                next.Add(row);
            }
            var outputsByTransformation = outputs.ToLookup(o => o.TransformationId);
            var inFrontier = frontier.Where(n => n.ProducedBy is not null).ToLookup(n => n.ProducedBy!, n => n.BatchId);
            foreach (var input in inputs)
            {
                if (!nodes.ContainsKey(input.BatchId)) continue;
                foreach (var output in outputsByTransformation[input.TransformationId].Where(o => nodes.ContainsKey(o.BatchId)))
                {
                    if (!inFrontier[input.TransformationId].Contains(output.BatchId)) continue;
                    var total = totals[input.TransformationId];
                    edges.Add((input, output.BatchId, output.Weight == total ? 1m : output.Weight / total, records.GetValueOrDefault(input.TransformationId, "")));
                }
            }
            frontier = next;
        }
        var contributions = Contributions(root.BatchId, nodes, edges, truncated);
        return new LineageGraph(
            order.ConvertAll(id => ToNode(nodes[id].Row, nodes[id].Depth, contributions.GetValueOrDefault(id))),
            edges.ConvertAll(e => new LineageGraphEdge(e.Input.BatchId, e.To, e.Input.TransformationId, e.RecordId, e.Input.Amount, e.Input.Unit, e.Input.ShipmentId, e.Share)),
            [], truncated);
    }

    /// <summary>k(root) = 1; k(in) += k(out) · share · c / Q(in), consumers before inputs; contribution = k · F.</summary>
    private static Dictionary<string, decimal> Contributions(string rootId, Dictionary<string, (NodeRow Row, int Depth)> nodes,
        List<(InputRow Input, string To, decimal Share, string RecordId)> edges, bool truncated)
    {
        var consumers = edges.GroupBy(e => e.Input.BatchId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var byOutput = edges.ToLookup(e => e.To);
        var k = new Dictionary<string, decimal>(StringComparer.Ordinal) { [rootId] = 1m };
        var ready = new Queue<string>([rootId]);
        while (ready.Count > 0)
        {
            var id = ready.Dequeue();
            var factor = k.GetValueOrDefault(id);
            foreach (var edge in byOutput[id])
            {
                var input = nodes[edge.Input.BatchId].Row;
                k[input.BatchId] = k.GetValueOrDefault(input.BatchId) + factor * edge.Share * edge.Input.Converted / input.Quantity;
                if (--consumers[input.BatchId] == 0) ready.Enqueue(input.BatchId);
            }
        }
        _ = truncated; // contributions under a cut graph miss the paths beyond the cut (documented in the proto)
        return k.ToDictionary(p => p.Key, p => p.Value * nodes[p.Key].Row.Footprint, StringComparer.Ordinal);
    }

    /// <summary>The downstream of <paramref name="batchId"/> (recall), or null when the batch is unknown.</summary>
    public async Task<LineageGraph?> GetDownstreamAsync(string batchId, int maxDepth, int maxNodes, CancellationToken ct)
    {
        await using var db = store.OpenContext();
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false); // one connection for every query of this read (per-open pragmas cost)
        var start = (await NodesAsync(db, [batchId], ct).ConfigureAwait(false)).FirstOrDefault();
        if (start is null) return null;
        var nodes = new Dictionary<string, (NodeRow Row, int Depth)>(StringComparer.Ordinal) { [start.BatchId] = (start, 0) };
        var order = new List<string> { start.BatchId };
        var edges = new List<LineageGraphEdge>();
        var truncated = false;
        var frontier = new List<string> { start.BatchId };
        for (var depth = 1; frontier.Count > 0; depth++)
        {
            var consumed = new List<InputRow>();
            foreach (var chunk in frontier.Chunk(Chunk))
            {
                var ids = chunk.ToList();
                consumed.AddRange(await db.Set<LineageInputEntity>().AsNoTracking().Where(i => ids.Contains(i.BatchId))
                    .Select(i => new InputRow(i.TransformationId, i.BatchId, i.Amount, i.Unit, i.Converted, i.ShipmentId)).ToListAsync(ct).ConfigureAwait(false));
            }
            if (consumed.Count == 0) break;
            if (depth > maxDepth) { truncated = true; break; }
            var transformations = consumed.Select(c => c.TransformationId).Distinct().ToList();
            var outputs = await OutputsOfAsync(db, transformations, ct).ConfigureAwait(false);
            var records = await TransformationRecordsAsync(db, transformations, ct).ConfigureAwait(false);
            var totals = outputs.GroupBy(o => o.TransformationId).ToDictionary(g => g.Key, g => g.Aggregate(0m, (s, o) => s + o.Weight), StringComparer.Ordinal);
            var fresh = outputs.Select(o => o.BatchId).Where(id => !nodes.ContainsKey(id)).Distinct().ToList();
            if (nodes.Count + fresh.Count > maxNodes)
            {
                truncated = true;
                fresh = fresh.Take(Math.Max(0, maxNodes - nodes.Count)).ToList();
            }
            frontier = [];
            foreach (var row in await NodesAsync(db, fresh, ct).ConfigureAwait(false))
            {
                nodes[row.BatchId] = (row, depth);
                order.Add(row.BatchId);
                frontier.Add(row.BatchId);
            }
            var byTransformation = outputs.ToLookup(o => o.TransformationId);
            foreach (var input in consumed)
                foreach (var output in byTransformation[input.TransformationId].Where(o => nodes.ContainsKey(o.BatchId)))
                {
                    var total = totals[input.TransformationId];
                    edges.Add(new LineageGraphEdge(input.BatchId, output.BatchId, input.TransformationId, records.GetValueOrDefault(input.TransformationId, ""),
                        input.Amount, input.Unit, input.ShipmentId, output.Weight == total ? 1m : output.Weight / total));
                }
        }
        var shipments = new List<LineageGraphShipment>();
        foreach (var chunk in order.Chunk(Chunk))
        {
            var ids = chunk.ToList();
            shipments.AddRange(await db.Set<LineageShipmentEntity>().AsNoTracking().Where(s => ids.Contains(s.BatchId))
                .Select(s => new LineageGraphShipment(s.ShipmentId, s.RecordId, s.BatchId, s.RecordedAmount, s.RecordedUnit, s.FromParticipant, s.FromLocation,
                    s.ToParticipant, s.ToLocation, s.DrawsFrom, s.LegCount)).ToListAsync(ct).ConfigureAwait(false));
        }
        return new LineageGraph(order.ConvertAll(id => ToNode(nodes[id].Row, nodes[id].Depth, null)), edges, shipments, truncated);
    }

    private static LineageGraphNode ToNode(NodeRow row, int depth, decimal? contribution) =>
        new(row.BatchId, depth, row.RecordId, row.Producer, row.ProductName, row.Quantity, row.Unit, row.Footprint, row.Declared, contribution,
            row.Standing, row.RestsOnWithdrawn, row.TransportNotReported, row.ProducedBy);

    private static async Task<List<NodeRow>> NodesAsync(TraceDbContext db, List<string> batchIds, CancellationToken ct)
    {
        var rows = new List<NodeRow>(batchIds.Count);
        foreach (var chunk in batchIds.Chunk(Chunk))
        {
            var ids = chunk.ToList();
            rows.AddRange(await db.Set<LineageBatchEntity>().AsNoTracking().Where(b => ids.Contains(b.BatchId))
                .Select(b => new NodeRow(b.BatchId, b.RecordId, b.Producer, b.ProductName, b.Quantity, b.Unit, b.Footprint, b.DeclarationRecordId != null,
                    b.Standing, b.RestsOnWithdrawn, b.TransportNotReportedJson != null, b.ProducedBy)).ToListAsync(ct).ConfigureAwait(false));
        }
        return rows;
    }

    private static async Task<List<InputRow>> InputsOfAsync(TraceDbContext db, List<string> transformations, CancellationToken ct)
    {
        var rows = new List<InputRow>();
        foreach (var chunk in transformations.Chunk(Chunk))
        {
            var ids = chunk.ToList();
            rows.AddRange(await db.Set<LineageInputEntity>().AsNoTracking().Where(i => ids.Contains(i.TransformationId))
                .Select(i => new InputRow(i.TransformationId, i.BatchId, i.Amount, i.Unit, i.Converted, i.ShipmentId)).ToListAsync(ct).ConfigureAwait(false));
        }
        return rows;
    }

    private static async Task<List<OutputRow>> OutputsOfAsync(TraceDbContext db, List<string> transformations, CancellationToken ct)
    {
        var rows = new List<OutputRow>();
        foreach (var chunk in transformations.Chunk(Chunk))
        {
            var ids = chunk.ToList();
            rows.AddRange(await db.Set<LineageOutputEntity>().AsNoTracking().Where(o => ids.Contains(o.TransformationId))
                .Select(o => new OutputRow(o.TransformationId, o.BatchId, o.Weight)).ToListAsync(ct).ConfigureAwait(false));
        }
        return rows;
    }

    private static async Task<Dictionary<string, string>> TransformationRecordsAsync(TraceDbContext db, List<string> transformations, CancellationToken ct)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in transformations.Chunk(Chunk))
        {
            var ids = chunk.ToList();
            foreach (var t in await db.Set<LineageTransformationEntity>().AsNoTracking().Where(t => ids.Contains(t.TransformationId))
                .Select(t => new { t.TransformationId, t.RecordId }).ToListAsync(ct).ConfigureAwait(false))
                map[t.TransformationId] = t.RecordId;
        }
        return map;
    }
}
