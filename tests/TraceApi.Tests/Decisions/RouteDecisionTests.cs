using Grpc.Core;
using Trace.Api.Tests.Support;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Decisions;

/// <summary>
/// Route decisions over real gRPC against a real node: the hand-built catalogue (scenario/routes.py computes its Pareto
/// front and decision matrix by brute force in exact decimals) loaded by the operator, asked as a signed-in participant.
/// </summary>
[Collection(EvidenceNodeCollection.Name)]
public sealed class RouteDecisionTests(EvidenceNodeFixture node)
{
    private LaneCatalogService.LaneCatalogServiceClient Lanes => new(node.Api.Channel);
    private RouteDecisionService.RouteDecisionServiceClient Routes => new(node.Api.Channel);

    // routes.py's catalogue: lane id, mode, origin, destination, km, transit days, handling days, measured intensity.
    private static readonly Lane[] Catalogue =
    [
        Lane("L01-road-CGO-SHA", TransportMode.Road, "CNCGO", "CNSHA", "1000", "2"),
        Lane("L02-sea-SHA-RTM", TransportMode.Sea, "CNSHA", "NLRTM", "19500", "32", measured: "0.005"),
        Lane("L03-road-RTM-DUI", TransportMode.Road, "NLRTM", "DEDUI", "230", "1"),
        Lane("L04-rail-RTM-DUI", TransportMode.Rail, "NLRTM", "DEDUI", "240", "1.5"),
        Lane("L05-rail-CGO-MAL", TransportMode.Rail, "CNCGO", "PLMAL", "9500", "14", handling: "1"),
        Lane("L06-rail-MAL-DUI", TransportMode.Rail, "PLMAL", "DEDUI", "1100", "2"),
        Lane("L07-road-MAL-DUI", TransportMode.Road, "PLMAL", "DEDUI", "1000", "1.5"),
        Lane("L08-air-CGO-FRA", TransportMode.Air, "CNCGO", "DEFRA", "8200", "1", handling: "1"),
        Lane("L09-road-FRA-DUI", TransportMode.Road, "DEFRA", "DEDUI", "230", "0.5"),
        Lane("L10-rail-FRA-DUI", TransportMode.Rail, "DEFRA", "DEDUI", "250", "1"),
        Lane("L11-sea-RTM-SHA", TransportMode.Sea, "NLRTM", "CNSHA", "19500", "32", measured: "0.005"),
        Lane("L12-road-SHA-CGO", TransportMode.Road, "CNSHA", "CNCGO", "1000", "2"),
    ];

    private static Lane Lane(string id, TransportMode mode, string from, string to, string km, string days, string handling = "", string measured = "") => new()
    {
        LaneId = id, Mode = mode, Origin = from, Destination = to, DistanceKm = km, TransitDays = days, HandlingDays = handling,
        MeasuredKgCo2EPerTonneKm = measured, IntensitySource = measured.Length > 0 ? "carrier's measured fleet average 2025" : "",
    };

    private static string Ids(RoutePath path) => string.Join(" + ", path.Legs.Select(l => l.LaneId));

    [Fact]
    public async Task The_Pareto_front_and_the_decision_matrix_of_the_hand_built_catalogue_match_the_hand_computation()
    {
        var put = new PutLanesRequest();
        put.Lanes.AddRange(Catalogue);
        await Lanes.PutLanesAsync(put);

        var request = new DecideRouteRequest
        {
            Origin = "CNCGO", Destination = "DEDUI", CargoMass = new CargoMass { Amount = "10000", Unit = "KGM" }, TransferDays = "1",
        };
        request.DeadlineDays.AddRange(["4", "20", "40"]);
        var answer = await Routes.DecideRouteAsync(request);

        // The shipped factor set, the one footprints cite; the front's non-measured legs use road, rail and air.
        Assert.Equal("trace-transport-factors-2026.1", answer.FactorSetVersion);
        Assert.Equal([(TransportMode.Road, "0.09"), (TransportMode.Rail, "0.025"), (TransportMode.Air, "0.8")],
            answer.Factors.Select(f => (f.Mode, f.KgCo2EPerTonneKm)));
        Assert.Equal(("10", "1", 6u), (answer.CargoTonnes, answer.TransferDays, answer.MaxLegs));

        // routes.py, "Pareto front (fastest first)": rail + road (3275 kg, 17.5 d) is dominated by rail + rail and left out.
        Assert.Equal(
        [
            ("L08-air-CGO-FRA + L09-road-FRA-DUI", "65807", "3.5", 1u),
            ("L08-air-CGO-FRA + L10-rail-FRA-DUI", "65662.5", "4", 1u),
            ("L05-rail-CGO-MAL + L06-rail-MAL-DUI", "2650", "17", 0u),
            ("L01-road-CGO-SHA + L02-sea-SHA-RTM + L03-road-RTM-DUI", "2082", "37", 2u),
            ("L01-road-CGO-SHA + L02-sea-SHA-RTM + L04-rail-RTM-DUI", "1935", "37.5", 2u),
        ], answer.ParetoFront.Select(p => (Ids(p), p.KgCo2E, p.Days, p.Transfers)));

        // Each leg: (km × 10 t) × intensity, with its basis. Sea: 19500 × 10 × 0.005 (measured) = 975 kg.
        var sea = answer.ParetoFront[4];
        Assert.Equal(
        [
            ("900", "0.09", IntensityBasis.FactorSet, "trace-transport-factors-2026.1", "0"),
            ("975", "0.005", IntensityBasis.Measured, "carrier's measured fleet average 2025", "1"),
            ("60", "0.025", IntensityBasis.FactorSet, "trace-transport-factors-2026.1", "1"),
        ], sea.Legs.Select(l => (l.KgCo2E, l.KgCo2EPerTonneKm, l.Basis, l.IntensitySource, l.TransferDaysBefore)));

        // routes.py, "Decision matrix": 4 d → air + rail 65662.5 kg; 20 d → rail + rail 2650 kg; 40 d → road + sea + rail 1935 kg.
        Assert.Equal(
        [
            ("4", "L08-air-CGO-FRA + L10-rail-FRA-DUI", "65662.5", "4"),
            ("20", "L05-rail-CGO-MAL + L06-rail-MAL-DUI", "2650", "17"),
            ("40", "L01-road-CGO-SHA + L02-sea-SHA-RTM + L04-rail-RTM-DUI", "1935", "37.5"),
        ], answer.Decisions.Select(d => (d.DeadlineDays, Ids(d.Path), d.Path.KgCo2E, d.Path.Days)));
        Assert.All(answer.Decisions, d => Assert.Equal(NoRouteReason.Unspecified, d.Reason));

        // routes.py: "deadline 3 days: none; the fastest path takes 3.5 days".
        var tooFast = request.Clone();
        tooFast.DeadlineDays.Clear();
        tooFast.DeadlineDays.Add("3");
        var none = Assert.Single((await Routes.DecideRouteAsync(tooFast)).Decisions);
        Assert.Equal(NoRouteReason.TooSlow, none.Reason);
        Assert.Null(none.Path);
        Assert.Contains("3.5 days", none.Detail, StringComparison.Ordinal);

        // A destination no lane reaches: an empty front, every decision NO_PATH.
        var nowhere = request.Clone();
        nowhere.Destination = "ITGOA";
        var unreachable = await Routes.DecideRouteAsync(nowhere);
        Assert.Empty(unreachable.ParetoFront);
        Assert.All(unreachable.Decisions, d => Assert.Equal(NoRouteReason.NoPath, d.Reason));
    }

    [Fact]
    public async Task A_carrier_s_measured_lane_joins_the_catalogue_under_its_owner_and_cannot_overwrite_the_operator_s()
    {
        var operatorLane = new PutLanesRequest();
        operatorLane.Lanes.Add(Lane("OP-road-HEL-STO", TransportMode.Road, "FIHEL", "SESTO", "900", "2"));
        await Lanes.PutLanesAsync(operatorLane);

        // The test channel's reader holds the carrier role: its lane is stored under its participant id.
        var carrier = new SubmitCarrierLanesRequest();
        carrier.Lanes.Add(Lane("CA-sea-HEL-STO", TransportMode.Sea, "FIHEL", "SESTO", "400", "1", measured: "0.02"));
        var submitted = await Lanes.SubmitCarrierLanesAsync(carrier);
        Assert.Equal(1u, submitted.Created);
        var listed = await Lanes.ListLanesAsync(new ListLanesRequest { Location = "SESTO" });
        Assert.Equal([("CA-sea-HEL-STO", submitted.Owner), ("OP-road-HEL-STO", "operator")], listed.Lanes.Select(l => (l.LaneId, l.Owner)));

        // 400 km × 2 t × 0.02 (the carrier's measured figure) = 16 kg in 1 day beats road's 900 × 2 × 0.090 = 162 kg in 2 days.
        var request = new DecideRouteRequest { Origin = "FIHEL", Destination = "SESTO", CargoMass = new CargoMass { Amount = "2", Unit = "TNE" } };
        request.DeadlineDays.Add("5");
        var answer = await Routes.DecideRouteAsync(request);
        var only = Assert.Single(answer.ParetoFront);
        Assert.Equal(("CA-sea-HEL-STO", "16", IntensityBasis.Measured), (only.Legs[0].LaneId, only.KgCo2E, only.Legs[0].Basis));
        Assert.Empty(answer.Factors);

        var takeover = new SubmitCarrierLanesRequest();
        takeover.Lanes.Add(Lane("OP-road-HEL-STO", TransportMode.Road, "FIHEL", "SESTO", "1", "1"));
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await Lanes.SubmitCarrierLanesAsync(takeover));
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.StartsWith("lanes[0].lane_id: ", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cn-cgo", "CNSHA", "10", "TNE", "5", "origin: ")]
    [InlineData("CNCGO", "CNCGO", "10", "TNE", "5", "destination: ")]
    [InlineData("CNCGO", "CNSHA", "10", "H87", "5", "cargo_mass.unit: ")]
    [InlineData("CNCGO", "CNSHA", "0", "TNE", "5", "cargo_mass.amount: ")]
    [InlineData("CNCGO", "CNSHA", "10", "TNE", "-1", "deadline_days[0]: ")]
    public async Task Bad_route_requests_are_refused_naming_the_field(string origin, string destination, string amount, string unit, string deadline, string prefix)
    {
        var request = new DecideRouteRequest { Origin = origin, Destination = destination, CargoMass = new CargoMass { Amount = amount, Unit = unit } };
        request.DeadlineDays.Add(deadline);
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await Routes.DecideRouteAsync(request));
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.StartsWith(prefix, refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lane_breaking_a_rule_refuses_the_whole_call_naming_the_lane_and_field()
    {
        var put = new PutLanesRequest();
        put.Lanes.Add(Lane("BAD-1", TransportMode.Rail, "DEHAM", "PLGDN", "700", "2"));
        put.Lanes.Add(Lane("BAD-2", TransportMode.Rail, "DEHAM", "PLGDN", "zero", "2"));
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await Lanes.PutLanesAsync(put));
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.StartsWith("lanes[1].distance_km: ", refused.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain((await Lanes.ListLanesAsync(new ListLanesRequest { Location = "PLGDN" })).Lanes, l => l.LaneId == "BAD-1");
    }
}
