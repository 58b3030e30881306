using System.CommandLine;
using Spectre.Console;
using Trace.Cli.Cli;
using Trace.Protos.V1;

namespace Trace.Cli.Commands;

/// <summary><c>trace lineage BATCH</c>: the batches a batch was made from (or, with --down, made into), as a tree with each one's footprint and standing.</summary>
internal static class LineageCommand
{
    public static Command Create()
    {
        var batch = new Argument<string>("batch") { Description = "Batch id" };
        var down = new Option<bool>("--down") { Description = "Downstream: what was made from the batch, and the shipments that carried it" };
        var depth = new Option<int>("--depth") { Description = "Transformations to follow (0 = the node's default)" };
        var command = new Command("lineage", "The batch's lineage as a tree: per batch its footprint, contribution and standing (needs a signed-in key with reach to the batch)") { batch, down, depth };
        Run.Action(command, async (s, ct) =>
        {
            var client = await s.SignedInClientAsync(ct);
            IReadOnlyList<LineageNode> nodes;
            IReadOnlyList<LineageEdge> edges;
            if (s.Value(down))
            {
                var answer = await client.GetDownstreamLineageAsync(s.Value(batch)!, s.Value(depth), ct);
                if (s.Json) { Session.WriteJson(Session.ToJson(answer)); return ExitCodes.Ok; }
                (nodes, edges) = (answer.Nodes, answer.Edges);
            }
            else
            {
                var answer = await client.GetUpstreamLineageAsync(s.Value(batch)!, s.Value(depth), ct);
                if (s.Json) { Session.WriteJson(Session.ToJson(answer)); return ExitCodes.Ok; }
                (nodes, edges) = (answer.Nodes, answer.Edges);
            }
            s.Console.Write(Tree(s.Value(batch)!, nodes, edges, s.Value(down)) ?? throw new CliException(ExitCodes.NotFound, $"no lineage for {s.Value(batch)}"));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The lineage as a tree rooted at <paramref name="batchId"/>; null when the answer does not hold it.</summary>
    public static Tree? Tree(string batchId, IReadOnlyList<LineageNode> nodes, IReadOnlyList<LineageEdge> edges, bool down)
    {
        var byId = nodes.GroupBy(n => n.BatchId).ToDictionary(g => g.Key, g => g.First());
        var root = byId.GetValueOrDefault(batchId) ?? nodes.FirstOrDefault(n => n.Depth == 0);
        if (root is null) return null;
        var tree = new Tree(Label(root));
        Grow(tree.AddNode, root.BatchId, byId, edges, down, [root.BatchId]);
        return tree;
    }

    private static void Grow(Func<string, TreeNode> add, string batchId, Dictionary<string, LineageNode> byId, IReadOnlyList<LineageEdge> edges, bool down, HashSet<string> path)
    {
        var next = edges.Where(e => down ? e.FromBatchId == batchId : e.ToBatchId == batchId);
        foreach (var edge in next)
        {
            var childId = down ? edge.ToBatchId : edge.FromBatchId;
            if (!byId.TryGetValue(childId, out var child) || !path.Add(childId)) continue;
            var via = edge.ShipmentId.Length > 0 ? $" [grey]via {Ui.Safe(edge.ShipmentId)}[/]" : "";
            var node = add($"{Label(child)}{via}");
            Grow(node.AddNode, childId, byId, edges, down, path);
            path.Remove(childId);
        }
    }

    private static string Label(LineageNode n)
    {
        var standing = n.Standing switch
        {
            LineageStanding.Verified => "[green]verified[/]",
            LineageStanding.Withdrawn => "[red]withdrawn[/]",
            _ => "[yellow]unconfirmed[/]",
        };
        var notes = (n.RestsOnWithdrawnEvidence ? " [red]rests on withdrawn evidence[/]" : "") + (n.TransportNotReported ? " [yellow]transport not reported[/]" : "");
        var contribution = n.Depth > 0 && n.ContributionKgCo2E.Length > 0 ? $", contributes {FootprintCommand.Round(n.ContributionKgCo2E)}" : "";
        return $"[bold]{Ui.Safe(n.ProductName.Length > 0 ? n.ProductName : "batch")}[/] {Ui.Safe(n.BatchId)}: {FootprintCommand.Round(n.TotalKgCo2E)} kgCO2e "
            + $"({FootprintCommand.Round(n.KgCo2EPerUnit)}/{Ui.Safe(n.Quantity?.Unit ?? "")}{contribution}) {standing}{notes}";
    }
}
