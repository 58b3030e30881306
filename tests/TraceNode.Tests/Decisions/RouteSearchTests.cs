using Trace.Domain.Lineage;
using Trace.Node.Decisions.Routing;

namespace Trace.Node.Tests.Decisions;

/// <summary>
/// The route search on the hand-built catalogue, against the figures computed by hand in
/// tests/TraceApi.Tests/Decisions/scenario/routes.py (brute force over every simple path, exact decimals).
/// </summary>
public sealed class RouteSearchTests
{
    private static IReadOnlyList<RoutePath> Front(decimal transfer = 1m, int maxLegs = 6, string to = "DEDUI") =>
        RouteSearch.ParetoFront(RouteDecider.Price(HandBuiltCatalogue.Lanes, HandBuiltCatalogue.Factors, 10m), "CNCGO", to, transfer, maxLegs);

    private static string Ids(RoutePath path) => string.Join(" + ", path.Legs.Select(l => l.Lane.LaneId));

    [Fact]
    public void The_Pareto_front_of_the_hand_built_catalogue_is_the_hand_computed_one()
    {
        // routes.py: 6 simple paths; rail + road (3275 kg, 17.5 d) is beaten by rail + rail (2650 kg, 17 d); five remain.
        // Air + road: 8200 x 10 x 0.800 = 65600, + 230 x 10 x 0.090 = 207; 1 + 1 handling + 1 transfer + 0.5 = 3.5 days.
        // Road + sea + rail: 1000 x 10 x 0.090 = 900, 19500 x 10 x 0.005 (measured) = 975, 240 x 10 x 0.025 = 60;
        // 2 + 1 + 32 + 1 + 1.5 = 37.5 days.
        var front = Front();

        Assert.Equal(
        [
            ("L08-air-CGO-FRA + L09-road-FRA-DUI", 65807m, 3.5m),
            ("L08-air-CGO-FRA + L10-rail-FRA-DUI", 65662.5m, 4m),
            ("L05-rail-CGO-MAL + L06-rail-MAL-DUI", 2650m, 17m),
            ("L01-road-CGO-SHA + L02-sea-SHA-RTM + L03-road-RTM-DUI", 2082m, 37m),
            ("L01-road-CGO-SHA + L02-sea-SHA-RTM + L04-rail-RTM-DUI", 1935m, 37.5m),
        ], front.Select(p => (Ids(p), p.KgCo2e, p.Days)));
        var sea = front[4];
        Assert.Equal([0m, 1m, 1m], sea.TransferDaysBefore);
        Assert.Equal(2, sea.Transfers);
        Assert.True(sea.Legs[1].Measured);
        Assert.Equal(0.005m, sea.Legs[1].KgCo2ePerTonneKm);
        Assert.Equal(0.025m, sea.Legs[2].KgCo2ePerTonneKm);
    }

    [Fact]
    public void The_decision_matrix_picks_the_lowest_carbon_path_within_each_deadline_or_says_why_none()
    {
        var decisions = RouteSearch.Decide(Front(), [3m, 4m, 20m, 40m]);

        Assert.Equal(NoRouteReason.TooSlow, decisions[0].Reason);
        Assert.Null(decisions[0].Path);
        Assert.Contains("3.5 days", decisions[0].Detail, StringComparison.Ordinal);
        Assert.Equal(("L08-air-CGO-FRA + L10-rail-FRA-DUI", 65662.5m), (Ids(decisions[1].Path!), decisions[1].Path!.KgCo2e));
        Assert.Equal(("L05-rail-CGO-MAL + L06-rail-MAL-DUI", 2650m), (Ids(decisions[2].Path!), decisions[2].Path!.KgCo2e));
        Assert.Equal(("L01-road-CGO-SHA + L02-sea-SHA-RTM + L04-rail-RTM-DUI", 1935m), (Ids(decisions[3].Path!), decisions[3].Path!.KgCo2e));
    }

    [Fact]
    public void Transfer_time_is_added_only_where_the_mode_changes()
    {
        // Rail + rail has no transfer: 15 + 2 = 17 days with or without transfer time; air + road moves with it.
        var front = Front(transfer: 3m);
        Assert.Equal(17m, front.Single(p => Ids(p) == "L05-rail-CGO-MAL + L06-rail-MAL-DUI").Days);
        Assert.Equal(5.5m, front.Single(p => Ids(p) == "L08-air-CGO-FRA + L09-road-FRA-DUI").Days);
    }

    [Fact]
    public void The_leg_bound_drops_longer_paths_and_no_path_revisits_a_location()
    {
        Assert.DoesNotContain(Front(maxLegs: 2), p => p.Legs.Count > 2);
        Assert.Equal(3, Front(maxLegs: 2).Count);
        Assert.All(Front(maxLegs: 6), p =>
        {
            var places = p.Legs.Select(l => l.Lane.Origin).Append(p.Legs[^1].Lane.Destination).ToList();
            Assert.Equal(places.Count, places.Distinct().Count());
        });
    }

    [Fact]
    public void A_destination_no_lane_reaches_gives_an_empty_front_and_no_path_decisions()
    {
        var front = Front(to: "ITGOA");
        Assert.Empty(front);
        var decision = Assert.Single(RouteSearch.Decide(front, [10m]));
        Assert.Equal(NoRouteReason.NoPath, decision.Reason);
    }

    [Fact]
    public void Emissions_scale_with_the_cargo_mass_in_tonnes()
    {
        var lane = HandBuiltCatalogue.Make("X", TransportMode.Rail, "CNCGO", "PLMAL", 9500m, 14m);
        var edge = Assert.Single(RouteDecider.Price([lane], HandBuiltCatalogue.Factors, 2.5m));
        Assert.Equal(9500m * 2.5m * 0.025m, edge.KgCo2e);
        Assert.False(edge.Measured);
    }
}
