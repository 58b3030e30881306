using Microsoft.EntityFrameworkCore;
using Trace.Node.Lineage.Storage.Entities;
using Trace.Node.Storage;

namespace Trace.Node.Lineage.Queries;

public sealed partial class LineageQueries
{
    private const int Chunk = 500;

    internal sealed record NodeRow(string BatchId, string RecordId, string Producer, string ProductName, decimal Quantity, string Unit,
        decimal Footprint, bool Declared, string Standing, bool RestsOnWithdrawn, bool TransportNotReported, string? ProducedBy);

    internal sealed record InputRow(string TransformationId, string BatchId, decimal Amount, string Unit, decimal Converted, string? ShipmentId);

    internal sealed record OutputRow(string TransformationId, string BatchId, decimal Weight);

    /// <summary>An edge of an upstream walk: <see cref="Input"/> feeds node <see cref="To"/> (an index into the walk's nodes).</summary>
    private sealed record UpstreamEdge(InputRow Input, int From, int To, string ToBatchId, decimal Share, string RecordId);

    /// <summary>The upstream DAG of <paramref name="batchId"/>, or null when the batch is unknown.</summary>
    public async Task<LineageGraph?> GetUpstreamAsync(string batchId, int maxDepth, int maxNodes, CancellationToken ct)
    {
        await using var db = store.OpenContext();
        await using var reader = await LevelReaderAsync(db, ct).ConfigureAwait(false);
        var root = (await reader.NodesAsync([batchId], ct).ConfigureAwait(false)).FirstOrDefault();
        if (root is null) return null;
        // Nodes by index in breadth-first order (the answer's order); the index is what edges and contributions use.
        var index = new Dictionary<string, int>(StringComparer.Ordinal) { [root.BatchId] = 0 };
        var rows = new List<NodeRow> { root };
        var depths = new List<int> { 0 };
        var edges = new List<UpstreamEdge>();
        var truncated = false;
        var frontier = new List<int> { 0 };
        for (var depth = 1; frontier.Count > 0; depth++)
        {
            // The frontier's batches by the transformation producing them.
            var produced = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            foreach (var n in frontier)
                if (rows[n].ProducedBy is { } t)
                {
                    if (!produced.TryGetValue(t, out var list)) produced[t] = list = [];
                    list.Add(n);
                }
            if (produced.Count == 0) break;
            if (depth > maxDepth) { truncated = true; break; }
            var producers = produced.Keys.ToList();
            var inputs = await reader.InputsOfAsync(producers, ct).ConfigureAwait(false);
            var (outputs, records) = await reader.OutputsOfAsync(producers, ct).ConfigureAwait(false);
            var fresh = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var input in inputs)
                if (!index.ContainsKey(input.BatchId) && seen.Add(input.BatchId)) fresh.Add(input.BatchId);
            if (index.Count + fresh.Count > maxNodes)
            {
                truncated = true;
                fresh = fresh.Take(Math.Max(0, maxNodes - index.Count)).ToList();
            }
            var next = new List<int>();
            foreach (var row in await reader.NodesAsync(fresh, ct).ConfigureAwait(false))
            {
                index[row.BatchId] = rows.Count;
                next.Add(rows.Count);
                rows.Add(row);
                depths.Add(depth);
            }
            // Each transformation's outputs that are in the frontier, with their allocation shares.
            var totals = new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var o in outputs) totals[o.TransformationId] = totals.GetValueOrDefault(o.TransformationId) + o.Weight;
            var targets = new Dictionary<string, List<(int Node, string BatchId, decimal Share)>>(StringComparer.Ordinal);
            foreach (var o in outputs)
            {
                if (!index.TryGetValue(o.BatchId, out var to) || !produced.TryGetValue(o.TransformationId, out var members) || !members.Contains(to)) continue;
                var total = totals[o.TransformationId];
                if (!targets.TryGetValue(o.TransformationId, out var list)) targets[o.TransformationId] = list = [];
                list.Add((to, o.BatchId, o.Weight == total ? 1m : o.Weight / total));
            }
            foreach (var input in inputs)
            {
                if (!index.TryGetValue(input.BatchId, out var from) || !targets.TryGetValue(input.TransformationId, out var list)) continue;
                var record = records.GetValueOrDefault(input.TransformationId, "");
                foreach (var (to, toBatchId, share) in list) edges.Add(new UpstreamEdge(input, from, to, toBatchId, share, record));
            }
            frontier = next;
        }
        var contributions = Contributions(rows, edges);
        var nodes = new List<LineageGraphNode>(rows.Count);
        for (var n = 0; n < rows.Count; n++) nodes.Add(ToNode(rows[n], depths[n], contributions[n]));
        return new LineageGraph(await WithFlaggedMarksAsync(db, nodes, ct).ConfigureAwait(false),
            edges.ConvertAll(e => new LineageGraphEdge(e.Input.BatchId, e.ToBatchId, e.Input.TransformationId, e.RecordId, e.Input.Amount, e.Input.Unit, e.Input.ShipmentId, e.Share)),
            [], truncated);
    }

    /// <summary>k(root) = 1; k(in) += k(out) · share · c / Q(in), consumers before inputs; contribution = k · F.</summary>
    /// <remarks>Contributions under a cut graph miss the paths beyond the cut (documented in the proto).</remarks>
    private static decimal[] Contributions(List<NodeRow> rows, List<UpstreamEdge> edges)
    {
        var consumers = new int[rows.Count];
        var byOutput = new List<UpstreamEdge>?[rows.Count];
        foreach (var e in edges)
        {
            consumers[e.From]++;
            (byOutput[e.To] ??= []).Add(e);
        }
        var k = new decimal[rows.Count];
        var reached = new bool[rows.Count];
        k[0] = 1m;
        reached[0] = true;
        var ready = new Queue<int>([0]);
        while (ready.Count > 0)
        {
            var n = ready.Dequeue();
            var factor = k[n];
            if (byOutput[n] is not { } feeding) continue;
            foreach (var edge in feeding)
            {
                k[edge.From] += factor * edge.Share * edge.Input.Converted / rows[edge.From].Quantity;
                reached[edge.From] = true;
                if (--consumers[edge.From] == 0) ready.Enqueue(edge.From);
            }
        }
        for (var n = 0; n < k.Length; n++) if (reached[n]) k[n] *= rows[n].Footprint; // (a batch no edge reaches stays 0, as before)
        return k;
    }

    /// <summary>The downstream of <paramref name="batchId"/> (recall), or null when the batch is unknown.</summary>
    public async Task<LineageGraph?> GetDownstreamAsync(string batchId, int maxDepth, int maxNodes, CancellationToken ct)
    {
        await using var db = store.OpenContext();
        await using var reader = await LevelReaderAsync(db, ct).ConfigureAwait(false);
        var start = (await reader.NodesAsync([batchId], ct).ConfigureAwait(false)).FirstOrDefault();
        if (start is null) return null;
        var nodes = new Dictionary<string, (NodeRow Row, int Depth)>(StringComparer.Ordinal) { [start.BatchId] = (start, 0) };
        var order = new List<string> { start.BatchId };
        var edges = new List<LineageGraphEdge>();
        var truncated = false;
        var frontier = new List<string> { start.BatchId };
        for (var depth = 1; frontier.Count > 0; depth++)
        {
            var consumed = await reader.InputsConsumingAsync(frontier, ct).ConfigureAwait(false);
            if (consumed.Count == 0) break;
            if (depth > maxDepth) { truncated = true; break; }
            var transformations = consumed.Select(c => c.TransformationId).Distinct().ToList();
            var (outputs, records) = await reader.OutputsOfAsync(transformations, ct).ConfigureAwait(false);
            var totals = outputs.GroupBy(o => o.TransformationId).ToDictionary(g => g.Key, g => g.Aggregate(0m, (s, o) => s + o.Weight), StringComparer.Ordinal);
            var fresh = outputs.Select(o => o.BatchId).Where(id => !nodes.ContainsKey(id)).Distinct().ToList();
            if (nodes.Count + fresh.Count > maxNodes)
            {
                truncated = true;
                fresh = fresh.Take(Math.Max(0, maxNodes - nodes.Count)).ToList();
            }
            frontier = [];
            foreach (var row in await reader.NodesAsync(fresh, ct).ConfigureAwait(false))
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
        return new LineageGraph(await WithFlaggedMarksAsync(db, order.ConvertAll(id => ToNode(nodes[id].Row, nodes[id].Depth, null)), ct).ConfigureAwait(false),
            edges, shipments, truncated);
    }

    /// <summary>Marks the nodes whose withdrawn evidence includes a record with an open regulator flag (one query per chunk of withdrawn nodes).</summary>
    private static async Task<List<LineageGraphNode>> WithFlaggedMarksAsync(TraceDbContext db, List<LineageGraphNode> nodes, CancellationToken ct)
    {
        var withdrawn = nodes.Where(n => n.RestsOnWithdrawn).Select(n => n.BatchId).ToList();
        if (withdrawn.Count == 0) return nodes;
        var flagged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in withdrawn.Chunk(Chunk))
        {
            var ids = chunk.ToList();
            flagged.UnionWith(await db.Set<LineageWithdrawnMarkEntity>().AsNoTracking().Where(m => ids.Contains(m.BatchId) && m.Reason == "Flagged")
                .Select(m => m.BatchId).Distinct().ToListAsync(ct).ConfigureAwait(false));
        }
        return flagged.Count == 0 ? nodes : nodes.ConvertAll(n => flagged.Contains(n.BatchId) ? n with { RestsOnFlagged = true } : n);
    }

    private static LineageGraphNode ToNode(NodeRow row, int depth, decimal? contribution) =>
        new(row.BatchId, depth, row.RecordId, row.Producer, row.ProductName, row.Quantity, row.Unit, row.Footprint, row.Declared, contribution,
            row.Standing, row.RestsOnWithdrawn, row.TransportNotReported, row.ProducedBy);

    /// <summary>Opens the context's connection (one for every query of this read: per-open pragmas cost) and reads over it.</summary>
    private async Task<LineageLevelReader> LevelReaderAsync(TraceDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        return new LineageLevelReader(db.Database.GetDbConnection(), store.OpenContext);
    }
}
