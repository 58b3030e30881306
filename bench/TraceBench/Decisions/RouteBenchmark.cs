using System.Diagnostics;
using System.Globalization;
using Trace.Domain.Lineage;
using Trace.Node.Carbon.Factors;
using Trace.Node.Decisions.Lanes;
using Trace.Node.Decisions.Routing;

namespace Trace.Bench.Decisions;

/// <summary>
/// <c>route [queries] [lanes] [locations] [seed]</c>: the route decision engine (pricing, Pareto search, decision matrix
/// for five deadlines) on a seeded synthetic catalogue, default 1,000 lanes over 300 locations; p50/p99 per query.
/// </summary>
/// <remarks>
/// Hub and spoke: a tenth of the locations are hubs on an 8,000 × 8,000 km plane, the others lie within 300 km of a hub
/// and are joined to their nearest hub by road (70 %) or rail, both directions; the remaining lanes join random hub
/// pairs, both directions, with a mode drawn road 35 %, rail 25 %, sea 15 %, inland waterway 10 %, air 15 %. Distance =
/// straight line × 1.2; transit = distance / the mode's km per day (road 600, rail 450, sea 500, inland waterway 250,
/// air 8,000) plus one handling day for sea and air; a quarter of the lanes carry a measured intensity of 60-100 % of
/// the mode's factor.
/// Queries pick random origin/destination pairs; transfer 1 day, at most 6 legs (the node's defaults), deadlines
/// 2, 5, 10, 20 and 40 days. Runs in process: what DecideRoute costs beyond the gRPC call and the catalogue snapshot.
/// </remarks>
internal static class RouteBenchmark
{
    private static readonly (TransportMode Mode, int Weight, decimal KmPerDay, decimal Handling)[] Modes =
    [
        (TransportMode.Road, 35, 600m, 0m), (TransportMode.Rail, 25, 450m, 0m), (TransportMode.Sea, 15, 500m, 1m),
        (TransportMode.InlandWaterway, 10, 250m, 0m), (TransportMode.Air, 15, 8000m, 1m),
    ];

    private static readonly decimal[] Deadlines = [2m, 5m, 10m, 20m, 40m];

    public static Task RunAsync(string[] args)
    {
        var queries = Arg(args, 0, 2000);
        var laneCount = Arg(args, 1, 1000);
        var locations = Arg(args, 2, 300);
        var seed = Arg(args, 3, 16);
        var set = TransportFactorProvider.LoadShipped();
        var lanes = Catalogue(laneCount, locations, seed, set);
        var places = lanes.Select(l => l.Origin).Distinct().ToList();
        var random = new Random(seed + 1);

        // Warm-up (JIT, tiered compilation) on queries not counted.
        for (var i = 0; i < 200; i++) Decide(lanes, set, places, random);
        var times = new double[queries];
        var frontSizes = 0L;
        var answered = 0;
        var met = new int[Deadlines.Length];
        for (var i = 0; i < queries; i++)
        {
            var clock = Stopwatch.StartNew();
            var (front, decisions) = Decide(lanes, set, places, random);
            times[i] = clock.Elapsed.TotalMilliseconds;
            frontSizes += front.Count;
            if (front.Count > 0) answered++;
            for (var d = 0; d < decisions.Count; d++) if (decisions[d].Path is not null) met[d]++;
        }
        Array.Sort(times);
        Console.WriteLine($"route: {lanes.Count} lanes over {places.Count} locations, {queries} queries, 5 deadlines, transfer 1 d, max 6 legs, seed {seed}");
        Console.WriteLine(FormattableString.Invariant($"  p50 {Percentile(times, 0.50):F2} ms   p90 {Percentile(times, 0.90):F2} ms   p99 {Percentile(times, 0.99):F2} ms   max {times[^1]:F2} ms   mean {times.Average():F2} ms"));
        Console.WriteLine(FormattableString.Invariant($"  queries with a path: {answered} ({100.0 * answered / queries:F0} %), mean front size {(double)frontSizes / Math.Max(answered, 1):F1}"));
        Console.WriteLine("  deadlines met: " + string.Join(", ", Deadlines.Select((d, i) => FormattableString.Invariant($"{d} d {100.0 * met[i] / queries:F0} %"))));
        Console.WriteLine("  load average: " + (File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a"));
        return Task.CompletedTask;
    }

    private static (IReadOnlyList<RoutePath> Front, IReadOnlyList<DeadlineDecision> Decisions) Decide(IReadOnlyList<Lane> lanes, TransportFactorSet set, List<string> places, Random random)
    {
        var origin = places[random.Next(places.Count)];
        string destination;
        do destination = places[random.Next(places.Count)]; while (destination == origin);
        var tonnes = random.Next(1, 400) / 4m;
        var edges = RouteDecider.Price(lanes, set, tonnes);
        var front = RouteSearch.ParetoFront(edges, origin, destination, 1m, 6);
        return (front, RouteSearch.Decide(front, Deadlines));
    }

    /// <summary>The seeded synthetic catalogue described on the class.</summary>
    public static IReadOnlyList<Lane> Catalogue(int laneCount, int locationCount, int seed, TransportFactorSet set)
    {
        var random = new Random(seed);
        var hubCount = Math.Max(2, locationCount / 10);
        var points = new (double X, double Y)[locationCount];
        for (var i = 0; i < hubCount; i++) points[i] = (random.NextDouble() * 8000, random.NextDouble() * 8000);
        for (var i = hubCount; i < locationCount; i++)
        {
            var hub = points[random.Next(hubCount)];
            points[i] = (hub.X + (random.NextDouble() - 0.5) * 600, hub.Y + (random.NextDouble() - 0.5) * 600);
        }
        var names = Enumerable.Range(0, locationCount).Select(Locode).ToArray();
        var lanes = new List<Lane>(laneCount);
        var pairs = new HashSet<(int, int, TransportMode)>();
        void Pair(int a, int b, (TransportMode Mode, int Weight, decimal KmPerDay, decimal Handling) mode)
        {
            if (!pairs.Add((Math.Min(a, b), Math.Max(a, b), mode.Mode))) return;
            var km = Math.Round((decimal)Math.Sqrt(Math.Pow(points[b].X - points[a].X, 2) + Math.Pow(points[b].Y - points[a].Y, 2)) * 1.2m, 0) + 1m;
            var days = Math.Round(km / mode.KmPerDay, 1) + 0.1m;
            decimal? measured = random.Next(4) == 0 ? Math.Round(set.For(mode.Mode).KgCo2ePerTonneKm * (0.6m + random.Next(41) / 100m), 4) : null;
            foreach (var (from, to) in new[] { (a, b), (b, a) })
            {
                if (lanes.Count == laneCount) return;
                lanes.Add(new Lane($"B{lanes.Count:D5}", mode.Mode, names[from], names[to], km, days, mode.Handling, measured,
                    measured is null ? null : "synthetic measured intensity", Lane.OperatorOwner, DateTimeOffset.UnixEpoch));
            }
        }
        // Feeders: every other location to and from its nearest hub, by road (70 %) or rail.
        for (var i = hubCount; i < locationCount && lanes.Count < laneCount; i++)
        {
            var nearest = Enumerable.Range(0, hubCount).OrderBy(h => Math.Pow(points[h].X - points[i].X, 2) + Math.Pow(points[h].Y - points[i].Y, 2)).First();
            Pair(i, nearest, random.Next(10) < 7 ? Modes[0] : Modes[1]);
        }
        // Trunk lanes between hubs, any mode, until the catalogue is full.
        var total = Modes.Sum(m => m.Weight);
        while (lanes.Count < laneCount)
        {
            var a = random.Next(hubCount);
            var b = random.Next(hubCount);
            if (a == b) continue;
            var pick = random.Next(total);
            Pair(a, b, Modes.First(m => (pick -= m.Weight) < 0));
        }
        return lanes;
    }

    /// <summary>A syntactically valid UN/LOCODE for location i ("XA" + three letters).</summary>
    private static string Locode(int i) => "XA" + (char)('A' + i / 676 % 26) + (char)('A' + i / 26 % 26) + (char)('A' + i % 26);

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static int Arg(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
}
