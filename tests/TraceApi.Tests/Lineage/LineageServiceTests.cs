using System.Text.Json.Nodes;
using Grpc.Core;
using Trace.Api.Tests.Evidence;
using Trace.Api.Tests.Support;
using Trace.Chain.Contracts.Registries;
using Trace.Client.Claims;
using Trace.Protos.V1;
using static Trace.Api.Tests.Lineage.LineageJson;

namespace Trace.Api.Tests.Lineage;

/// <summary>
/// The lineage over gRPC on a real socket (the built API, real Anvil, real SQLite): records submitted as JSON through
/// SubmitRecord, footprints and graphs read through LineageService.
/// </summary>
[Collection(EvidenceNodeCollection.Name)]
public sealed class LineageServiceTests(EvidenceNodeFixture node) : IAsyncLifetime
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..10];
    private ClaimSigner _mine = null!, _smelter = null!;

    private LineageService.LineageServiceClient Lineage => new(node.Api.Channel);

    public async Task InitializeAsync()
    {
        _mine = node.NewSigner();
        _smelter = node.NewSigner();
        await node.RegisterAsync(_mine.Address, ParticipantRoles.Supplier | ParticipantRoles.Carrier);
        await node.RegisterAsync(_smelter.Address, ParticipantRoles.Supplier | ParticipantRoles.Carrier);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string Id(string name) => $"urn:trace:test:{name}:{_run}";

    private async Task<string> SubmitAsync(ClaimSigner issuer, string subject, RecordKind kind, JsonObject body)
    {
        var response = await node.Evidence.SubmitRecordAsync(issuer.StructuredRecord(subject, kind, body.ToJsonString()));
        Assert.True(response.Created);
        return response.Record.Id;
    }

    private async Task<RpcException> RefusedAndNotStoredAsync(ClaimSigner issuer, string subject, RecordKind kind, JsonObject body)
    {
        var request = issuer.StructuredRecord(subject, kind, body.ToJsonString());
        var error = await EvidenceClientExtensions.ExpectErrorAsync(() => node.Evidence.SubmitRecordAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var missing = await EvidenceClientExtensions.ExpectErrorAsync(() =>
            node.Evidence.GetRecordAsync(new GetRecordRequest { RecordId = issuer.RecordIdOf(request.SignedClaim) }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.False(StoredContent.Holds(node, request.SignedClaim.Claim.ContentHash.ToByteArray()), "the refused record's content was stored");
        return error;
    }

    // ORE 2,000 t: own s1 100,000 (measured) + s2 20,000 (calculated)                       F(ORE) = 120,000
    // S1: 1,600 t of ORE by rail, measured 20,000 kg                                          U(S1) = 12.5
    // T1: 1,600 t ORE via S1 → PIG 1,000 t; process s1 1,500,000 (measured), s2 200,000 (calculated)
    //     F(PIG) = 1,700,000 + 1600 × 120,000 / 2000 + 1600 × 12.5 = 1,700,000 + 96,000 + 20,000 = 1,816,000
    private async Task<(string Ore, string Pig, string S1, string T1, string T1Record)> ChainAsync()
    {
        var (ore, pig, s1, t1) = (Id("ore"), Id("pig"), Id("s1"), Id("t1"));
        await SubmitAsync(_mine, ore, RecordKind.Batch, Batch(ore, "2000", Figure("100000", "measured"), Figure("20000", "calculated")));
        await SubmitAsync(_mine, s1, RecordKind.Shipment, Shipment(s1, ore, "1600", _mine.Address.ToString(), _smelter.Address.ToString(), MeasuredLeg("rail", "500", "20000")));
        await SubmitAsync(_smelter, pig, RecordKind.Batch, Batch(pig, "1000"));
        var t1Record = await SubmitAsync(_smelter, t1, RecordKind.Transformation,
            Transformation(t1, [Input(ore, "1600", s1)], [Output(pig, "1000")], Figure("1500000", "measured"), Figure("200000", "calculated")));
        return (ore, pig, s1, t1, t1Record);
    }

    [Fact]
    public async Task Footprint_of_a_two_step_chain_matches_the_hand_computed_figures()
    {
        var chain = await ChainAsync();

        var footprint = (await Lineage.GetFootprintAsync(new GetFootprintRequest { BatchId = chain.Pig })).Footprint;

        Assert.Equal(("1816000", "1816", FootprintBasis.Computed), (footprint.TotalKgCo2E, footprint.KgCo2EPerUnit, footprint.Basis));
        Assert.Equal(("1500000", "200000", "116000"), (footprint.ByScope.Scope1KgCo2E, footprint.ByScope.Scope2KgCo2E, footprint.ByScope.Scope3KgCo2E));
        Assert.Equal(("1816000", "1"), (footprint.PrimaryKgCo2E, footprint.PrimaryShare)); // every figure measured or calculated
        Assert.Equal(["96000", "20000"], footprint.Breakdown.Where(c => c.Stage is FootprintStage.Input or FootprintStage.TransportLeg).Select(c => c.KgCo2E));
        var leg = Assert.Single(footprint.Breakdown, c => c.Stage == FootprintStage.TransportLeg);
        Assert.Equal((chain.S1, "rail", FigureMethod.Measured), (leg.LegShipmentId, leg.Mode, leg.Method));
        Assert.Contains(footprint.Citations, c => c.RecordId == chain.T1Record && c.Role == CitationRole.Transformation && c.Kind == RecordKind.Transformation);
        Assert.False(footprint.RestsOnWithdrawnEvidence);
    }

    [Fact]
    public async Task Upstream_and_downstream_lineage_name_quantities_shipments_and_contributions()
    {
        var chain = await ChainAsync();

        var upstream = await Lineage.GetUpstreamLineageAsync(new GetUpstreamLineageRequest { BatchId = chain.Pig });
        Assert.Equal([chain.Pig, chain.Ore], upstream.Nodes.Select(n => n.BatchId));
        var edge = Assert.Single(upstream.Edges);
        Assert.Equal((chain.Ore, chain.Pig, chain.T1, "1600", chain.S1), (edge.FromBatchId, edge.ToBatchId, edge.TransformationId, edge.Quantity.Amount, edge.ShipmentId));
        Assert.Equal("96000", upstream.Nodes[1].ContributionKgCo2E); // 1600 / 2000 of 120,000
        Assert.False(upstream.Truncated);

        var downstream = await Lineage.GetDownstreamLineageAsync(new GetDownstreamLineageRequest { BatchId = chain.Ore });
        Assert.Equal([chain.Ore, chain.Pig], downstream.Nodes.Select(n => n.BatchId));
        Assert.Equal(chain.S1, Assert.Single(downstream.Shipments).ShipmentId);
    }

    [Fact]
    public async Task A_superseding_transformation_replaces_its_figures_downstream()
    {
        var chain = await ChainAsync();

        // Corrected process scope 1: 1,400,000 → F(PIG) = 1,600,000 + 96,000 + 20,000 = 1,716,000
        await SubmitAsync(_smelter, chain.T1, RecordKind.Transformation, Transformation(chain.T1, [Input(chain.Ore, "1600", chain.S1)], [Output(chain.Pig, "1000")],
            Figure("1400000", "measured"), Figure("200000", "calculated"), supersedes: chain.T1Record));

        Assert.Equal("1716000", (await Lineage.GetFootprintAsync(new GetFootprintRequest { BatchId = chain.Pig })).Footprint.TotalKgCo2E);
    }

    [Fact]
    public async Task Consuming_beyond_what_a_shipment_carried_is_refused_naming_the_field_and_nothing_is_stored()
    {
        var chain = await ChainAsync();
        var extra = Id("extra");
        await SubmitAsync(_smelter, extra, RecordKind.Batch, Batch(extra, "1"));

        var error = await RefusedAndNotStoredAsync(_smelter, Id("t2"), RecordKind.Transformation,
            Transformation(Id("t2"), [Input(chain.Ore, "1", chain.S1)], [Output(extra, "1")]));

        Assert.StartsWith("record_json.inputs[0].quantity: transformation record:", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(chain.S1, error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consuming_a_batch_the_issuer_neither_produced_nor_received_is_refused()
    {
        var chain = await ChainAsync();
        var extra = Id("extra");
        await SubmitAsync(_smelter, extra, RecordKind.Batch, Batch(extra, "1"));

        var error = await RefusedAndNotStoredAsync(_smelter, Id("t3"), RecordKind.Transformation,
            Transformation(Id("t3"), [Input(chain.Ore, "1")], [Output(extra, "1")]));

        Assert.StartsWith("record_json.inputs[0].batchId: transformation record:", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shipping_more_than_is_left_of_a_batch_is_refused_naming_the_batch()
    {
        var chain = await ChainAsync(); // ORE 2,000 t, 1,600 t already shipped by S1

        var error = await RefusedAndNotStoredAsync(_mine, Id("s9"), RecordKind.Shipment,
            Shipment(Id("s9"), chain.Ore, "401", _mine.Address.ToString(), _smelter.Address.ToString()));

        Assert.StartsWith("record_json.quantity: shipment record:", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(chain.Ore, error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cycle_is_refused_and_nothing_is_stored()
    {
        var (a, b) = (Id("cycle-a"), Id("cycle-b"));
        await SubmitAsync(_smelter, a, RecordKind.Batch, Batch(a, "10"));
        await SubmitAsync(_smelter, b, RecordKind.Batch, Batch(b, "10"));
        await SubmitAsync(_smelter, Id("ab"), RecordKind.Transformation, Transformation(Id("ab"), [Input(a, "5")], [Output(b, "10")]));

        var error = await RefusedAndNotStoredAsync(_smelter, Id("ba"), RecordKind.Transformation, Transformation(Id("ba"), [Input(b, "5")], [Output(a, "10")]));

        Assert.StartsWith("record_json.inputs", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("cycle", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Citing_an_unknown_record_is_refused_naming_the_citation()
    {
        var unknown = "0x" + new string('a', 64);
        var x = Id("cites-unknown");

        var error = await RefusedAndNotStoredAsync(_mine, x, RecordKind.Batch, Batch(x, "1", Figure("5", "measured", unknown)));

        Assert.StartsWith("record_json.emissions.scope1.evidence[0]:", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(unknown, error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consuming_in_a_unit_that_does_not_convert_is_refused()
    {
        var chain = await ChainAsync();
        var extra = Id("litres-out");
        await SubmitAsync(_smelter, extra, RecordKind.Batch, Batch(extra, "1"));
        var input = Input(chain.Ore, "10", chain.S1);
        input["quantity"] = Quantity("10", "LTR");

        var error = await RefusedAndNotStoredAsync(_smelter, Id("t-ltr"), RecordKind.Transformation, Transformation(Id("t-ltr"), [input], [Output(extra, "1")]));

        Assert.StartsWith("record_json.inputs[0].quantity.unit:", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_transformations_racing_for_the_last_tonne_exactly_one_wins()
    {
        var (ore, s, a, b) = (Id("ore"), Id("s"), Id("a"), Id("b"));
        await SubmitAsync(_mine, ore, RecordKind.Batch, Batch(ore, "10"));
        await SubmitAsync(_mine, s, RecordKind.Shipment, Shipment(s, ore, "1", _mine.Address.ToString(), _smelter.Address.ToString()));
        await SubmitAsync(_smelter, a, RecordKind.Batch, Batch(a, "1"));
        await SubmitAsync(_smelter, b, RecordKind.Batch, Batch(b, "1"));
        var requests = new[] { (Id("ta"), a), (Id("tb"), b) }.Select(t =>
            _smelter.StructuredRecord(t.Item1, RecordKind.Transformation, Transformation(t.Item1, [Input(ore, "1", s)], [Output(t.Item2, "1")]).ToJsonString())).ToArray();

        var outcomes = await Task.WhenAll(requests.Select(async r =>
        {
            try { await node.Evidence.SubmitRecordAsync(r); return StatusCode.OK; }
            catch (RpcException e) { return e.StatusCode; }
        }));

        Assert.Equal(1, outcomes.Count(o => o == StatusCode.OK));
        Assert.Equal(1, outcomes.Count(o => o == StatusCode.InvalidArgument));
    }

    [Fact]
    public async Task Dependent_records_in_one_SubmitRecords_stream_are_applied_in_stream_order()
    {
        var requests = new List<SubmitRecordRequest>();
        for (var i = 0; i < 20; i++)
        {
            // Each step: a batch, then a transformation consuming the previous step's batch into it.
            var (batch, previous, t) = (Id($"b{i}"), Id($"b{i - 1}"), Id($"t{i}"));
            requests.Add(_smelter.StructuredRecord(batch, RecordKind.Batch, Batch(batch, "10", i == 0 ? Figure("100", "measured") : null).ToJsonString()));
            if (i > 0)
                requests.Add(_smelter.StructuredRecord(t, RecordKind.Transformation, Transformation(t, [Input(previous, "10")], [Output(batch, "10")], Figure("1", "measured")).ToJsonString()));
        }

        using var call = node.Evidence.SubmitRecords();
        var answers = new List<SubmitRecordsResponse>();
        var reading = Task.Run(async () =>
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None)) answers.Add(call.ResponseStream.Current);
        });
        foreach (var request in requests) await call.RequestStream.WriteAsync(request);
        await call.RequestStream.CompleteAsync();
        await reading;

        Assert.All(answers, a => Assert.True(a.Accepted is not null, a.Refused?.Message));
        // F(b0) = 100; each step adds 1: F(b19) = 119
        Assert.Equal("119", (await Lineage.GetFootprintAsync(new GetFootprintRequest { BatchId = Id("b19") })).Footprint.TotalKgCo2E);
    }

    [Fact]
    public async Task Unknown_batch_is_not_found_and_an_empty_id_is_invalid()
    {
        var missing = await EvidenceClientExtensions.ExpectErrorAsync(() => Lineage.GetFootprintAsync(new GetFootprintRequest { BatchId = Id("nothing") }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        var empty = await EvidenceClientExtensions.ExpectErrorAsync(() => Lineage.GetUpstreamLineageAsync(new GetUpstreamLineageRequest()).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, empty.StatusCode);
        Assert.StartsWith("batch_id", empty.Status.Detail, StringComparison.Ordinal);
        var depth = await EvidenceClientExtensions.ExpectErrorAsync(() => Lineage.GetDownstreamLineageAsync(new GetDownstreamLineageRequest { BatchId = "x", MaxDepth = -1 }).ResponseAsync);
        Assert.StartsWith("max_depth", depth.Status.Detail, StringComparison.Ordinal);
    }
}
