using Trace.Domain;
using Trace.Domain.Lineage;
using Trace.Node.Tests.Storage;
using static Trace.Node.Tests.Lineage.Build;

namespace Trace.Node.Tests.Lineage;

/// <summary>Cross-record checks: each refusal names record_json.&lt;path&gt; and the batch, and stores nothing.</summary>
public sealed class LineageValidationTests : IAsyncLifetime
{
    private readonly LineageHarness _node = new();
    private readonly Crypto.EthereumAddress _mine = Claims.RandomIssuer(), _smelter = Claims.RandomIssuer(), _stranger = Claims.RandomIssuer();

    public async Task InitializeAsync()
    {
        await _node.InitializeAsync();
        await _node.SubmitAsync(Batch("urn:ore", Tonnes(2000), Measured(100_000)), _mine);
        await _node.SubmitAsync(Shipment("urn:s1", "urn:ore", Tonnes(1600), _mine.ToString(), _smelter.ToString()), _mine);
        await _node.SubmitAsync(Batch("urn:pig", Tonnes(1000)), _smelter);
    }

    public Task DisposeAsync() => _node.DisposeAsync();

    private static void AssertNames(InvalidFieldException refusal, string field, string batch)
    {
        Assert.Equal(field, refusal.Field);
        Assert.Contains(batch, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_input_batch_is_refused()
    {
        var refusal = await _node.RefusedAsync(Transformation("urn:t", [In("urn:nope", Tonnes(1))], [Out("urn:pig", Tonnes(1000))]), _smelter);
        AssertNames(refusal, "record_json.inputs[0].batchId", "urn:nope");
    }

    [Fact]
    public async Task A_batch_declared_twice_is_refused_unless_it_supersedes()
    {
        var refusal = await _node.RefusedAsync(Batch("urn:ore", Tonnes(2000)), _mine);
        AssertNames(refusal, "record_json.batchId", "urn:ore");
    }

    [Fact]
    public async Task Consuming_a_batch_neither_produced_nor_received_is_refused()
    {
        var refusal = await _node.RefusedAsync(Transformation("urn:t", [In("urn:ore", Tonnes(10))], [Out("urn:pig", Tonnes(1000))]), _smelter);
        AssertNames(refusal, "record_json.inputs[0].batchId", "urn:ore");
    }

    [Fact]
    public async Task Consuming_more_than_a_shipment_carried_is_refused()
    {
        var refusal = await _node.RefusedAsync(Transformation("urn:t", [In("urn:ore", Tonnes(1601), "urn:s1")], [Out("urn:pig", Tonnes(1000))]), _smelter);
        AssertNames(refusal, "record_json.inputs[0].quantity", "urn:s1");
    }

    [Fact]
    public async Task Shipping_more_than_is_left_of_a_batch_is_refused()
    {
        // 2000 t, 1600 t already shipped: 401 t more exceeds the batch.
        var refusal = await _node.RefusedAsync(Shipment("urn:s9", "urn:ore", Tonnes(401), _mine.ToString(), _smelter.ToString()), _mine);
        AssertNames(refusal, "record_json.quantity", "urn:ore");
    }

    [Fact]
    public async Task Output_quantity_different_from_the_batch_is_refused()
    {
        var refusal = await _node.RefusedAsync(Transformation("urn:t", [In("urn:ore", Tonnes(1600), "urn:s1")], [Out("urn:pig", Tonnes(999))]), _smelter);
        AssertNames(refusal, "record_json.outputs[0].quantity", "urn:pig");
    }

    [Fact]
    public async Task An_output_already_produced_by_another_transformation_is_refused()
    {
        await _node.SubmitAsync(Transformation("urn:t1", [In("urn:ore", Tonnes(800), "urn:s1")], [Out("urn:pig", Tonnes(1000))]), _smelter);
        var refusal = await _node.RefusedAsync(Transformation("urn:t2", [In("urn:ore", Tonnes(800), "urn:s1")], [Out("urn:pig", Tonnes(1000))]), _smelter);
        AssertNames(refusal, "record_json.outputs[0].batchId", "urn:pig");
    }

    [Fact]
    public async Task A_cycle_is_refused()
    {
        // pig made from ore; then a transformation making ore... ore is the mine's, so build a loop in one company's batches.
        await _node.SubmitAsync(Batch("urn:a", Tonnes(10)), _smelter);
        await _node.SubmitAsync(Batch("urn:b", Tonnes(10)), _smelter);
        await _node.SubmitAsync(Transformation("urn:ab", [In("urn:a", Tonnes(5))], [Out("urn:b", Tonnes(10))]), _smelter);
        var refusal = await _node.RefusedAsync(Transformation("urn:ba", [In("urn:b", Tonnes(5))], [Out("urn:a", Tonnes(10))]), _smelter);
        Assert.StartsWith("record_json.inputs", refusal.Field, StringComparison.Ordinal);
        Assert.Contains("cycle", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mass_allocation_of_an_output_in_pieces_is_refused()
    {
        await _node.SubmitAsync(Batch("urn:parts", new Quantity(100, MeasureUnit.Piece)), _smelter);
        await _node.SubmitAsync(Batch("urn:chips", Tonnes(1)), _smelter);
        var refusal = await _node.RefusedAsync(Transformation("urn:t", [In("urn:ore", Tonnes(10), "urn:s1")],
            [Out("urn:parts", new Quantity(100, MeasureUnit.Piece)), Out("urn:chips", Tonnes(1))]), _smelter);
        AssertNames(refusal, "record_json.outputs[0].quantity.unit", "urn:parts");
    }

    [Fact]
    public async Task Incompatible_units_are_refused()
    {
        var refusal = await _node.RefusedAsync(Transformation("urn:t", [In("urn:ore", new Quantity(10, MeasureUnit.Litre), "urn:s1")], [Out("urn:pig", Tonnes(1000))]), _smelter);
        AssertNames(refusal, "record_json.inputs[0].quantity.unit", "urn:ore");
    }

    [Fact]
    public async Task Citing_an_unknown_record_is_refused()
    {
        var unknown = "0x" + new string('a', 64);
        var refusal = await _node.RefusedAsync(Batch("urn:x", Tonnes(1), Measured(5, unknown)), _mine);
        AssertNames(refusal, "record_json.emissions.scope1.evidence[0]", unknown);
    }

    [Fact]
    public async Task A_customs_certificate_that_is_not_kind_3_is_refused()
    {
        var report = await _node.EvidenceAsync(_smelter, RecordKind.EnergyReading);
        var refusal = await _node.RefusedAsync(Shipment("urn:s2", "urn:ore", Tonnes(1), _mine.ToString(), _smelter.ToString(), customs: [report]), _mine);
        AssertNames(refusal, "record_json.customsCertificates[0]", report);
    }

    [Fact]
    public async Task A_shipment_issued_by_neither_sender_nor_carrier_is_refused()
    {
        var refusal = await _node.RefusedAsync(Shipment("urn:s2", "urn:ore", Tonnes(1), _mine.ToString(), _smelter.ToString()), _stranger);
        AssertNames(refusal, "record_json.from.participant", "urn:ore");
    }

    [Fact]
    public async Task A_declaration_for_a_batch_with_own_emissions_is_refused()
    {
        var refusal = await _node.RefusedAsync(Declaration("urn:ore", 1.5m), _mine);
        AssertNames(refusal, "record_json.batchId", "urn:ore");
    }

    [Fact]
    public async Task A_declared_batch_takes_the_declared_footprint()
    {
        await _node.SubmitAsync(Batch("urn:bought", Tonnes(20)), _smelter);
        // D = 1.63 kg/kg × 20,000 kg / 1 = 32,600; primary 56.12 % = 18,295.12
        await _node.SubmitAsync(Declaration("urn:bought", 1.63m, 56.12m), _smelter);
        var footprint = await _node.FootprintAsync("urn:bought");
        Assert.True(footprint.Declared);
        Assert.Equal((32_600m, 18_295.12m), (footprint.Total, footprint.Primary));
    }

    [Fact]
    public async Task Two_transformations_racing_for_the_last_tonne_exactly_one_wins()
    {
        await _node.SubmitAsync(Batch("urn:p1", Tonnes(1)), _smelter);
        await _node.SubmitAsync(Batch("urn:p2", Tonnes(1)), _smelter);
        await _node.SubmitAsync(Transformation("urn:t0", [In("urn:ore", Tonnes(1599), "urn:s1")], [Out("urn:pig", Tonnes(1000))]), _smelter);

        // 1 t of the shipment is left; both want it.
        var attempts = await Task.WhenAll(
            Task.Run(() => Attempt(Transformation("urn:r1", [In("urn:ore", Tonnes(1), "urn:s1")], [Out("urn:p1", Tonnes(1))]))),
            Task.Run(() => Attempt(Transformation("urn:r2", [In("urn:ore", Tonnes(1), "urn:s1")], [Out("urn:p2", Tonnes(1))]))));

        Assert.Equal(1, attempts.Count(a => a is null));
        var refusal = Assert.Single(attempts, a => a is not null)!;
        Assert.Equal("record_json.inputs[0].quantity", refusal.Field);
    }

    private async Task<InvalidFieldException?> Attempt(TransformationRecord record)
    {
        try
        {
            await _node.SubmitAsync(record, _smelter);
            return null;
        }
        catch (InvalidFieldException refusal)
        {
            return refusal;
        }
    }
}
