using Trace.Domain.Lineage;
using Trace.Node.Decisions.Lanes;
using Trace.Node.Decisions.Routing;

namespace Trace.Node.Tests.Decisions;

/// <summary>
/// The route search against a brute-force enumerator over random catalogues (seeded, so a failure replays): no returned
/// path is dominated by any path of the catalogue, the front's points are exactly the brute-force Pareto points, and for
/// every deadline no path within it emits less than the chosen one.
/// </summary>
public sealed class RouteSearchPropertyTests
{
    private static readonly TransportMode[] Modes = [TransportMode.Road, TransportMode.Rail, TransportMode.Sea, TransportMode.InlandWaterway, TransportMode.Air];

    [Fact]
    public void On_random_catalogues_the_front_and_the_decisions_match_a_brute_force_enumeration()
    {
        var withTradeOffs = 0;
        for (var seed = 1; seed <= 400; seed++)
        {
            var random = new Random(seed);
            var places = Enumerable.Range(0, random.Next(4, 9)).Select(i => $"XX{(char)('A' + i)}AA").ToList();
            var lanes = new List<Lane>();
            var count = random.Next(6, 22);
            for (var i = 0; i < count; i++)
            {
                var from = places[random.Next(places.Count)];
                var to = places[random.Next(places.Count)];
                if (from == to) continue;
                decimal? measured = random.Next(4) == 0 ? random.Next(0, 200) / 1000m : null;
                lanes.Add(HandBuiltCatalogue.Make($"R{i:D2}", Modes[random.Next(Modes.Length)], from, to, random.Next(1, 5000) / 2m,
                    random.Next(1, 40) / 4m, random.Next(0, 3) / 2m, measured));
            }
            var transfer = random.Next(0, 5) / 2m;
            var maxLegs = random.Next(1, 6);
            var tonnes = random.Next(1, 100) / 4m;
            var edges = RouteDecider.Price(lanes, HandBuiltCatalogue.Factors, tonnes);
            var origin = places[0];
            var destination = places[^1];

            var front = RouteSearch.ParetoFront(edges, origin, destination, transfer, maxLegs);
            var every = BruteForce(edges, origin, destination, transfer, maxLegs);
            var context = $"seed {seed}";
            if (front.Count >= 2) withTradeOffs++;

            foreach (var path in front)
            {
                Assert.True(path.Legs.Count <= maxLegs, context);
                Assert.False(every.Any(o => o.Kg <= path.KgCo2e && o.Days <= path.Days && (o.Kg < path.KgCo2e || o.Days < path.Days)),
                    $"{context}: a returned path ({path.KgCo2e} kg, {path.Days} d) is dominated");
                Assert.Contains((path.KgCo2e, path.Days), every);
            }
            var paretoPoints = every.Where(p => !every.Any(o => o.Kg <= p.Kg && o.Days <= p.Days && (o.Kg < p.Kg || o.Days < p.Days))).Distinct().OrderBy(p => p.Days).ToList();
            Assert.True(paretoPoints.SequenceEqual(front.Select(p => (p.KgCo2e, p.Days))), $"{context}: front differs from brute force");

            var deadlines = new[] { random.Next(1, 20) / 2m, random.Next(1, 60) / 2m, random.Next(1, 120) / 2m };
            var decisions = RouteSearch.Decide(front, deadlines);
            for (var d = 0; d < deadlines.Length; d++)
            {
                var within = every.Where(p => p.Days <= deadlines[d]).ToList();
                if (within.Count == 0) Assert.Null(decisions[d].Path);
                else
                {
                    Assert.NotNull(decisions[d].Path);
                    var chosen = decisions[d].Path!;
                    Assert.True(chosen.Days <= deadlines[d], context);
                    Assert.All(within, p => Assert.True(p.Kg >= chosen.KgCo2e, $"{context}: a path within {deadlines[d]} d emits {p.Kg} < {chosen.KgCo2e}"));
                }
            }
        }
        // Not vacuous: many catalogues have a real trade-off between emissions and time.
        Assert.True(withTradeOffs >= 40, $"only {withTradeOffs} of 400 catalogues have a front of 2 or more paths");
    }

    /// <summary>Every simple path with at most <paramref name="maxLegs"/> lanes, priced as docs/decisions.md says.</summary>
    private static List<(decimal Kg, decimal Days)> BruteForce(IReadOnlyList<RouteEdge> edges, string origin, string destination, decimal transfer, int maxLegs)
    {
        var found = new List<(decimal, decimal)>();
        void Walk(string at, HashSet<string> visited, decimal kg, decimal days, TransportMode? last, int legs)
        {
            if (at == destination) { found.Add((kg, days)); return; }
            if (legs == maxLegs) return;
            foreach (var e in edges.Where(e => e.Lane.Origin == at && !visited.Contains(e.Lane.Destination)))
            {
                visited.Add(e.Lane.Destination);
                var t = days + (last is { } m && m != e.Lane.Mode ? transfer : 0m) + e.Lane.TransitDays + e.Lane.HandlingDays;
                Walk(e.Lane.Destination, visited, kg + e.KgCo2e, t, e.Lane.Mode, legs + 1);
                visited.Remove(e.Lane.Destination);
            }
        }
        Walk(origin, [origin], 0m, 0m, null, 0);
        return found;
    }
}
