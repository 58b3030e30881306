using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grpc.Core;
using Trace.Api.Tests.Evidence;
using Trace.Api.Tests.Support;
using Trace.Chain.Contracts.Registries;
using Trace.Client.Claims;
using Trace.Protos.V1;
using static Trace.Api.Tests.Lineage.LineageJson;

namespace Trace.Api.Tests.Decisions;

/// <summary>
/// A shipment that follows a route decision: DecideRoute keeps each chosen path as a route plan, a shipment record cites
/// it (routePlanId), and the footprint of what the cargo became shows the plan's emissions against the legs recorded.
/// Real gRPC, real node, real Anvil; the figures are computed by hand in the comments.
/// </summary>
[Collection(EvidenceNodeCollection.Name)]
public sealed class PlannedRouteTests(EvidenceNodeFixture node) : IAsyncLifetime
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..10];
    private ClaimSigner _mine = null!, _smelter = null!;

    private LaneCatalogService.LaneCatalogServiceClient Lanes => new(node.Api.Channel);
    private RouteDecisionService.RouteDecisionServiceClient Routes => new(node.Api.Channel);
    private LineageService.LineageServiceClient Lineage => new(node.Api.Channel);

    public async Task InitializeAsync()
    {
        _mine = node.NewSigner();
        _smelter = node.NewSigner();
        await node.RegisterAsync(_mine.Address, ParticipantRoles.Supplier | ParticipantRoles.Carrier);
        await node.RegisterAsync(_smelter.Address, ParticipantRoles.Supplier);

        // Port Hedland → Ningbo: bulk sea at a measured 0.004 kgCO2e/t·km in 14 days, or air at the factor set's 0.8 in 1 day.
        var put = new PutLanesRequest();
        put.Lanes.Add(new Lane { LaneId = $"{_run}-sea", Mode = TransportMode.Sea, Origin = "AUPHE", Destination = "CNNGB", DistanceKm = "5600", TransitDays = "14",
            MeasuredKgCo2EPerTonneKm = "0.004", IntensitySource = "Pilbara bulk fleet, measured 2025" });
        put.Lanes.Add(new Lane { LaneId = $"{_run}-air", Mode = TransportMode.Air, Origin = "AUPHE", Destination = "CNNGB", DistanceKm = "5600", TransitDays = "1" });
        await Lanes.PutLanesAsync(put);
    }

    public async Task DisposeAsync() =>
        await OperatorLanes.Client(node).DeleteLanesAsync(new DeleteLanesRequest { LaneIds = { $"{_run}-sea", $"{_run}-air" } });

    private string Id(string name) => $"urn:trace:test:plan:{name}:{_run}";

    private async Task<DecideRouteResponse> DecideAsync(params string[] deadlines)
    {
        var request = new DecideRouteRequest { Origin = "AUPHE", Destination = "CNNGB", CargoMass = new CargoMass { Amount = "1000", Unit = "TNE" } };
        request.DeadlineDays.AddRange(deadlines);
        return await Routes.DecideRouteAsync(request);
    }

    private async Task<string> SubmitAsync(ClaimSigner issuer, string subject, RecordKind kind, JsonObject body)
    {
        var response = await node.Evidence.SubmitRecordAsync(issuer.StructuredRecord(subject, kind, body.ToJsonString()));
        Assert.True(response.Created);
        return response.Record.Id;
    }

    private async Task<RpcException> RefusedAsync(ClaimSigner issuer, string subject, RecordKind kind, JsonObject body) =>
        await EvidenceClientExtensions.ExpectErrorAsync(() => node.Evidence.SubmitRecordAsync(issuer.StructuredRecord(subject, kind, body.ToJsonString())).ResponseAsync);

    [Fact]
    public async Task Each_decision_with_a_path_is_kept_as_a_route_plan_whose_id_is_the_SHA_256_of_its_document()
    {
        var answer = await DecideAsync("20", "2", "0.5");
        var (slow, fast, none) = (answer.Decisions[0], answer.Decisions[1], answer.Decisions[2]);
        Assert.Equal(($"{_run}-sea", "22400"), (slow.Path.Legs.Single().LaneId, slow.Path.KgCo2E)); // 5600 × 1000 × 0.004
        Assert.Equal(($"{_run}-air", "4480000"), (fast.Path.Legs.Single().LaneId, fast.Path.KgCo2E)); // 5600 × 1000 × 0.8
        Assert.Matches("^0x[0-9a-f]{64}$", slow.PlanId);
        Assert.NotEqual(slow.PlanId, fast.PlanId);
        Assert.Equal(("", NoRouteReason.TooSlow), (none.PlanId, none.Reason));

        // The same question over the same catalogue and factor set is the same plan.
        Assert.Equal(slow.PlanId, (await DecideAsync("20")).Decisions[0].PlanId);

        var plan = await Routes.GetRoutePlanAsync(new GetRoutePlanRequest { PlanId = slow.PlanId.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal) });
        Assert.Equal(slow.PlanId, plan.PlanId);
        Assert.Equal(slow.PlanId, "0x" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plan.Document))));
        Assert.Equal(("AUPHE", "CNNGB", "1000", "20", "22400", "14"), (plan.Origin, plan.Destination, plan.CargoTonnes, plan.DeadlineDays, plan.Path.KgCo2E, plan.Path.Days));
        Assert.Equal(answer.FactorSetVersion, plan.FactorSetVersion);
        var leg = plan.Path.Legs.Single();
        Assert.Equal(("0.004", IntensityBasis.Measured, "Pilbara bulk fleet, measured 2025"), (leg.KgCo2EPerTonneKm, leg.Basis, leg.IntensitySource));
        using var document = JsonDocument.Parse(plan.Document);
        Assert.Equal(("trace.route-plan/1", "22400"), (document.RootElement.GetProperty("format").GetString(), document.RootElement.GetProperty("kgCO2e").GetString()));

        var malformed = await Assert.ThrowsAsync<RpcException>(() => Routes.GetRoutePlanAsync(new GetRoutePlanRequest { PlanId = "0x1234" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
        Assert.Contains("plan_id", malformed.Status.Detail, StringComparison.Ordinal);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => Routes.GetRoutePlanAsync(new GetRoutePlanRequest { PlanId = "0x" + new string('a', 64) }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("plan_id", unknown.Status.Detail, StringComparison.Ordinal);
    }

    // ORE 2,000 t (own scope 1 100,000 measured). Shipment S: 1,500 t of ORE, AUPHE → CNNGB, following the 20-day plan
    // (sea, 5600 km at 0.004), recorded sea leg 5,650 km measured at 30,000 kg.
    //   P(S) = 5600 × 1500 × 0.004 = 33,600 kg (the plan priced for this cargo); E(S) = 30,000 kg.
    // T: 1,200 t ORE via S → PIG 800 t + SLAG 200 t, mass allocation: PIG's share w/W = 800/1000.
    //   PIG planned  = 800 × (1200 × 33,600 / 1500) / 1000 = 800 × 26,880 / 1000 = 21,504
    //   PIG recorded = 800 × (1200 × 30,000 / 1500) / 1000 = 800 × 24,000 / 1000 = 19,200; difference −2,304.
    [Fact]
    public async Task The_footprint_shows_planned_against_recorded_transport_for_a_shipment_that_followed_a_plan()
    {
        var planId = (await DecideAsync("20")).Decisions[0].PlanId;
        // The pig iron is a GS1 Digital Link lot, so it has a provenance page.
        var pigPage = $"/01/09506000134352/10/PIG-{_run}";
        var (ore, pig, slag, s, t) = (Id("ore"), "https://id.gs1.org" + pigPage, Id("slag"), Id("s"), Id("t"));
        await SubmitAsync(_mine, ore, RecordKind.Batch, Batch(ore, "2000", Figure("100000", "measured")));
        var shipment = Shipment(s, ore, "1500", _mine.Address.ToString(), _smelter.Address.ToString(), MeasuredLeg("sea", "5650", "30000"));
        shipment["routePlanId"] = planId;
        var shipmentRecord = await SubmitAsync(_mine, s, RecordKind.Shipment, shipment);
        await SubmitAsync(_smelter, pig, RecordKind.Batch, Batch(pig, "800"));
        await SubmitAsync(_smelter, slag, RecordKind.Batch, Batch(slag, "200"));
        await SubmitAsync(_smelter, t, RecordKind.Transformation, Transformation(t, [Input(ore, "1200", s)], [Output(pig, "800"), Output(slag, "200")]));

        var footprint = (await Lineage.GetFootprintAsync(new GetFootprintRequest { BatchId = pig })).Footprint;
        var planned = Assert.Single(footprint.PlannedTransport);
        Assert.Equal((ore, t, s, s, shipmentRecord, planId), (planned.InputBatchId, planned.TransformationId, planned.ShipmentId, planned.PlannedShipmentId, planned.ShipmentRecordId, planned.PlanId));
        Assert.Equal(("20", "14", "1500", "1500"), (planned.DeadlineDays, planned.PlannedDays, planned.CargoTonnes, planned.ShipmentQuantity));
        Assert.Equal(("33600", "30000"), (planned.PlannedShipmentKgCo2E, planned.RecordedShipmentKgCo2E));
        Assert.Equal(("21504", "19200", "-2304"), (planned.PlannedKgCo2E, planned.RecordedKgCo2E, planned.DifferenceKgCo2E));

        // Recorded is what the footprint counts: the shipment's transport-leg component for PIG is the same 19,200.
        var leg = Assert.Single(footprint.Breakdown, c => c.Stage == FootprintStage.TransportLeg);
        Assert.Equal("19200", leg.KgCo2E);
        // PIG = 800 × (1200 × 100,000 / 2000 + 1200 × 30,000 / 1500) / 1000 = 800 × (60,000 + 24,000) / 1000 = 67,200.
        Assert.Equal("67200", footprint.TotalKgCo2E);

        // The buyer's page shows the same comparison.
        using var http = new HttpClient { BaseAddress = node.Api.HttpAddress };
        var page = await http.GetStringAsync(new Uri(pigPage, UriKind.Relative));
        Assert.Contains("id=\"planned-transport\"", page, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">21,504</td><td class=\"num\">19,200</td><td class=\"num\">-2,304</td>", page, StringComparison.Ordinal);

        // The slag's share: 200 × 26,880 / 1000 = 5,376 planned against 200 × 24,000 / 1000 = 4,800 recorded.
        var slagPlanned = Assert.Single((await Lineage.GetFootprintAsync(new GetFootprintRequest { BatchId = slag })).Footprint.PlannedTransport);
        Assert.Equal(("5376", "4800", "-576"), (slagPlanned.PlannedKgCo2E, slagPlanned.RecordedKgCo2E, slagPlanned.DifferenceKgCo2E));
    }

    [Fact]
    public async Task A_shipment_citing_a_plan_this_node_never_made_or_one_for_another_route_is_refused_naming_routePlanId()
    {
        var ore = Id("ore2");
        await SubmitAsync(_mine, ore, RecordKind.Batch, Batch(ore, "100"));

        var unknown = Shipment(Id("s-unknown"), ore, "10", _mine.Address.ToString(), _smelter.Address.ToString());
        unknown["routePlanId"] = "0x" + new string('b', 64);
        var error = await RefusedAsync(_mine, Id("s-unknown"), RecordKind.Shipment, unknown);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("record_json.routePlanId", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("made no route plan", error.Status.Detail, StringComparison.Ordinal);

        // A real plan, but the shipment leaves from elsewhere.
        var planId = (await DecideAsync("20")).Decisions[0].PlanId;
        var elsewhere = Shipment(Id("s-elsewhere"), ore, "10", _mine.Address.ToString(), _smelter.Address.ToString());
        elsewhere["from"]!["location"] = "AUDAM";
        elsewhere["routePlanId"] = planId;
        error = await RefusedAsync(_mine, Id("s-elsewhere"), RecordKind.Shipment, elsewhere);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("record_json.routePlanId", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("starts at AUPHE", error.Status.Detail, StringComparison.Ordinal);

        // Not a plan id at all: the schema refuses it.
        var malformed = Shipment(Id("s-malformed"), ore, "10", _mine.Address.ToString(), _smelter.Address.ToString());
        malformed["routePlanId"] = "plan-7";
        error = await RefusedAsync(_mine, Id("s-malformed"), RecordKind.Shipment, malformed);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("routePlanId", error.Status.Detail, StringComparison.Ordinal);
    }
}
