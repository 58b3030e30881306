namespace Trace.Node.Decisions.Routing;

/// <summary>
/// Multi-objective label-setting search (Martins' algorithm) over the lane graph: every label is a path from the origin,
/// ordered by (days, kgCO2e); a label is dropped when a label at the same location, arrived by the same mode, is at
/// least as good in emissions, time and number of legs, or when a path already at the destination is at least as good
/// in emissions and time (costs only grow along a path). Paths never revisit a location and have at most
/// <c>maxLegs</c> lanes. What remains at the destination is the Pareto front of emissions against time.
/// </summary>
/// <remarks>
/// Exact: emissions and times are non-negative and every lane takes time &gt; 0, and a transfer costs time only when the
/// mode changes, so cutting a cycle out of a walk never makes it slower or dirtier: the Pareto-optimal values over all
/// walks are reached by simple paths, and keying labels on (location, arrival mode) with the leg count as a third
/// criterion keeps every label a later optimum could need. Tie: of two paths with equal emissions and time the one
/// found first (fewer days, then less kgCO2e, then lanes in catalogue order) is kept.
/// </remarks>
public static class RouteSearch
{
    /// <summary>The Pareto front from <paramref name="origin"/> to <paramref name="destination"/>, fastest first.</summary>
    /// <param name="edges">The priced lanes (any order; ties are broken by this order).</param>
    /// <param name="origin">Start location.</param>
    /// <param name="destination">End location.</param>
    /// <param name="transferDays">Time added where consecutive lanes change mode.</param>
    /// <param name="maxLegs">Most lanes on a path.</param>
    public static IReadOnlyList<RoutePath> ParetoFront(IReadOnlyList<RouteEdge> edges, string origin, string destination, decimal transferDays, int maxLegs)
    {
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentOutOfRangeException.ThrowIfNegative(transferDays);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLegs, 1);
        var graph = LaneGraph.Build(edges);
        if (!graph.TryIndex(origin, out var from) || !graph.TryIndex(destination, out var to)) return [];

        var bags = new Dictionary<int, List<Label>>();
        var front = new List<Label>();
        var queue = new PriorityQueue<Label, (decimal Days, decimal Kg, long Order)>();
        long order = 0;
        var start = new Label(from, 0, 0m, 0m, 0, null, -1);
        queue.Enqueue(start, (0m, 0m, order++));
        while (queue.TryDequeue(out var label, out _))
        {
            if (label.Dead || label.Legs >= maxLegs) continue;
            foreach (var e in graph.Out(label.Location))
            {
                var edge = graph.Edges[e];
                var next = graph.Target[e];
                if (label.Visited(next)) continue;
                var mode = (int)edge.Lane.Mode;
                var days = label.Days + (label.Mode != 0 && label.Mode != mode ? transferDays : 0m) + edge.Lane.Days;
                var kg = label.Kg + edge.KgCo2e;
                if (DominatedAtDestination(front, kg, days)) continue;
                var legs = label.Legs + 1;
                var candidate = new Label(next, mode, kg, days, legs, label, e);
                if (next == to)
                {
                    front.RemoveAll(f => kg <= f.Kg && days <= f.Days);
                    front.Add(candidate);
                    continue;
                }
                var key = next * 8 + mode;
                if (!bags.TryGetValue(key, out var bag)) bags[key] = bag = [];
                if (bag.Exists(b => b.Kg <= kg && b.Days <= days && b.Legs <= legs)) continue;
                bag.RemoveAll(b =>
                {
                    if (kg <= b.Kg && days <= b.Days && legs <= b.Legs) { b.Dead = true; return true; }
                    return false;
                });
                bag.Add(candidate);
                queue.Enqueue(candidate, (days, kg, order++));
            }
        }
        return [.. front.OrderBy(f => f.Days).ThenBy(f => f.Kg).Select(f => f.ToPath(graph, transferDays))];
    }

    /// <summary>For each deadline, the lowest-emitting front path within it (the front holds it: any path within a deadline is matched or beaten by a front path no slower).</summary>
    public static IReadOnlyList<DeadlineDecision> Decide(IReadOnlyList<RoutePath> front, IEnumerable<decimal> deadlines)
    {
        ArgumentNullException.ThrowIfNull(front);
        ArgumentNullException.ThrowIfNull(deadlines);
        var decisions = new List<DeadlineDecision>();
        foreach (var deadline in deadlines)
        {
            RoutePath? best = null;
            foreach (var path in front)
                if (path.Days <= deadline && (best is null || path.KgCo2e < best.KgCo2e)) best = path;
            if (best is not null) decisions.Add(new DeadlineDecision(deadline, best, NoRouteReason.None, "the lowest-emitting path within the deadline"));
            else if (front.Count == 0) decisions.Add(new DeadlineDecision(deadline, null, NoRouteReason.NoPath, "the lane catalogue holds no path from origin to destination within the leg bound"));
            else
            {
                var fastest = front.Min(p => p.Days);
                decisions.Add(new DeadlineDecision(deadline, null, NoRouteReason.TooSlow,
                    $"the fastest path takes {DecisionDecimals.Plain(fastest)} days, more than the deadline of {DecisionDecimals.Plain(deadline)} days"));
            }
        }
        return decisions;
    }

    private static bool DominatedAtDestination(List<Label> front, decimal kg, decimal days)
    {
        foreach (var f in front) if (f.Kg <= kg && f.Days <= days) return true;
        return false;
    }

    /// <summary>A partial path: where it is, the mode it arrived by (0 at the origin), its costs and how it got there.</summary>
    private sealed class Label(int location, int mode, decimal kg, decimal days, int legs, Label? parent, int edge)
    {
        public int Location { get; } = location;
        public int Mode { get; } = mode;
        public decimal Kg { get; } = kg;
        public decimal Days { get; } = days;
        public int Legs { get; } = legs;
        public bool Dead { get; set; }

        public bool Visited(int location)
        {
            for (var l = this; l is not null; l = l.Parent) if (l.Location == location) return true;
            return false;
        }

        private Label? Parent { get; } = parent;

        public RoutePath ToPath(LaneGraph graph, decimal transferDays)
        {
            var legs = new List<RouteEdge>(Legs);
            for (var l = this; l.Parent is not null; l = l.Parent) legs.Add(graph.Edges[l.Edge]);
            legs.Reverse();
            var transfers = new List<decimal>(legs.Count);
            for (var i = 0; i < legs.Count; i++) transfers.Add(i > 0 && legs[i].Lane.Mode != legs[i - 1].Lane.Mode ? transferDays : 0m);
            return new RoutePath(legs, transfers, Kg, Days);
        }

        private int Edge { get; } = edge;
    }
}
