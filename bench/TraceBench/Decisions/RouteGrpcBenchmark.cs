using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Trace.Bench.Pipeline;
using Trace.Chain.Contracts.Registries;
using Trace.Crypto;
using Trace.Domain.Lineage;
using Trace.Node.Carbon.Factors;
using Trace.Protos.V1;

namespace Trace.Bench.Decisions;

/// <summary>
/// <c>route grpc [queries]</c>: the same catalogue and queries as <see cref="RouteBenchmark"/>, loaded as the operator's
/// lane file into a real embedded node and asked through <c>RouteDecisionService.DecideRoute</c> over gRPC by a signed-in
/// participant, one call at a time; p50/p99 per call.
/// </summary>
internal static class RouteGrpcBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var queries = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
        var set = TransportFactorProvider.LoadShipped();
        var lanes = RouteBenchmark.Catalogue(1000, 300, 16, set);
        var data = Path.Combine(Path.GetTempPath(), "trace-route-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(data);
        var file = Path.Combine(data, "lanes.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new
        {
            lanes = lanes.Select(l => new Dictionary<string, string?>
            {
                ["laneId"] = l.LaneId, ["mode"] = TransportModeNames.ToName(l.Mode), ["origin"] = l.Origin, ["destination"] = l.Destination,
                ["distanceKm"] = Text(l.DistanceKm), ["transitDays"] = Text(l.TransitDays), ["handlingDays"] = Text(l.HandlingDays),
                ["measuredKgCo2ePerTonneKm"] = l.MeasuredKgCo2ePerTonneKm is { } m ? Text(m) : null, ["intensitySource"] = l.IntensitySource,
            }.Where(p => p.Value is not null).ToDictionary()),
        }));
        await using var node = await BenchNode.StartAsync(data, new Dictionary<string, string> { ["Trace:Decisions:LaneCatalogPath"] = file });
        using var key = EthereumKey.Generate();
        await node.RegisterAsync([key.Address], ParticipantRoles.Buyer);
        node.SignerFor(key);
        var routes = new RouteDecisionService.RouteDecisionServiceClient(node.Authorized(node.Api.Channel));
        var places = lanes.Select(l => l.Origin).Distinct().ToList();
        var random = new Random(17);

        var times = new List<double>(queries);
        for (var i = 0; i < queries + 50; i++)
        {
            var origin = places[random.Next(places.Count)];
            string destination;
            do destination = places[random.Next(places.Count)]; while (destination == origin);
            var request = new DecideRouteRequest
            {
                Origin = origin, Destination = destination, CargoMass = new CargoMass { Amount = Text(random.Next(1, 400) / 4m), Unit = "TNE" },
            };
            request.DeadlineDays.AddRange(["2", "5", "10", "20", "40"]);
            var clock = Stopwatch.StartNew();
            await routes.DecideRouteAsync(request);
            if (i >= 50) times.Add(clock.Elapsed.TotalMilliseconds); // the first 50 warm the node up
        }
        times.Sort();
        Console.WriteLine($"route grpc: 1000 lanes over {places.Count} locations through DecideRoute, {queries} calls, 5 deadlines");
        Console.WriteLine(FormattableString.Invariant($"  p50 {times[times.Count / 2]:F2} ms   p99 {times[Math.Min(times.Count - 1, (int)Math.Ceiling(0.99 * times.Count) - 1)]:F2} ms   max {times[^1]:F2} ms"));
        Console.WriteLine("  load average: " + (File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a"));
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
