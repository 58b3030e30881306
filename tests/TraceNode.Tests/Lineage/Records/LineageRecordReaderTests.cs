using System.Text.Json.Nodes;
using Trace.Domain;
using Trace.Domain.Lineage;
using Trace.Node.Lineage.Records;

namespace Trace.Node.Tests.Lineage.Records;

public sealed class LineageRecordReaderTests
{
    private static readonly LineageRecordReader Reader = new();

    public static TheoryData<RecordKind> Kinds => [RecordKind.Batch, RecordKind.Transformation, RecordKind.Shipment, RecordKind.ProductCarbonFootprint];

    private static LineageRecord Read(RecordKind kind, JsonObject record, string? subject = null) =>
        Reader.Read(kind, record.ToJsonString(), subject ?? LineageExamples.SubjectOf(record));

    private static InvalidFieldException Refused(RecordKind kind, JsonObject record, string? subject = null) =>
        Assert.Throws<InvalidFieldException>(() => Read(kind, record, subject));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Reader_accepts_the_documented_example_of_each_kind(RecordKind kind)
    {
        var record = Read(kind, LineageExamples.Load(kind));
        Assert.Equal(LineageExamples.SubjectOf(LineageExamples.Load(kind)), record.Identifier);
    }

    [Fact]
    public void Batch_example_reads_into_the_domain_record()
    {
        var batch = Assert.IsType<BatchRecord>(Read(RecordKind.Batch, LineageExamples.Load(RecordKind.Batch)));
        Assert.Equal("09506000134352", batch.Product.Gtin);
        Assert.Equal(new Quantity(1000m, MeasureUnit.Tonne), batch.Quantity);
        Assert.Equal(1_700_000m, batch.Emissions.TotalKgCo2e);
        Assert.Equal(EmissionMethod.Measured, batch.Emissions.Scope1!.Method);
        Assert.Equal("9506000000008", batch.Facility!.Gln);
        Assert.Single(batch.CitedRecordIds());
    }

    [Fact]
    public void Shipment_example_reads_measured_and_default_factor_legs()
    {
        var shipment = Assert.IsType<ShipmentRecord>(Read(RecordKind.Shipment, LineageExamples.Load(RecordKind.Shipment)));
        Assert.Equal(2, shipment.Legs.Count);
        Assert.Equal(152_000m, shipment.Legs[0].Measured!.KgCo2e);
        Assert.Null(shipment.Legs[1].Measured);
        Assert.Equal(TransportMode.Rail, shipment.Legs[1].Mode);
        Assert.Equal(1020m, shipment.CargoMass!.Value.Tonnes);
    }

    [Fact]
    public void Footprint_example_maps_the_declared_unit()
    {
        var declaration = Assert.IsType<FootprintDeclaration>(Read(RecordKind.ProductCarbonFootprint, LineageExamples.Load(RecordKind.ProductCarbonFootprint)));
        Assert.Equal(MeasureUnit.Kilogram, declaration.DeclaredUnit);
        Assert.Equal(1.63m, declaration.PcfExcludingBiogenic);
        Assert.Equal(56.12m, declaration.PrimaryDataSharePercent);
    }

    [Theory]
    [InlineData(RecordKind.Batch, "quantity.amount", "0", "record_json.quantity.amount")]
    [InlineData(RecordKind.Batch, "quantity.amount", "-5", "record_json.quantity.amount")]
    [InlineData(RecordKind.Batch, "quantity.amount", "1e3", "record_json.quantity.amount")]
    [InlineData(RecordKind.Batch, "quantity.unit", "BANANA", "record_json.quantity.unit")]
    [InlineData(RecordKind.Batch, "product.cnCode", "7201101", "record_json.product.cnCode")]
    [InlineData(RecordKind.Batch, "recordType", "trace.batch/v2", "record_json.recordType")]
    [InlineData(RecordKind.Batch, "emissions.scope1.method", "guessed", "record_json.emissions.scope1.method")]
    [InlineData(RecordKind.Batch, "emissions.scope2.evidence[0]", "0x12", "record_json.emissions.scope2.evidence[0]")]
    [InlineData(RecordKind.Batch, "productionPeriod.start", "yesterday", "record_json.productionPeriod.start")]
    [InlineData(RecordKind.Transformation, "inputs[0].quantity.amount", "0.000", "record_json.inputs[0].quantity.amount")]
    [InlineData(RecordKind.Transformation, "allocation", "random", "record_json.allocation")]
    [InlineData(RecordKind.Shipment, "from.location", "NL RTM", "record_json.from.location")]
    [InlineData(RecordKind.Shipment, "to.participant", "0x1234", "record_json.to.participant")]
    [InlineData(RecordKind.Shipment, "legs[0].mode", "teleport", "record_json.legs[0].mode")]
    [InlineData(RecordKind.ProductCarbonFootprint, "pcf.pCfExcludingBiogenic", "-999 banana", "record_json.pcf.pCfExcludingBiogenic")]
    [InlineData(RecordKind.ProductCarbonFootprint, "declaredUnit", "ton kilometer", "record_json.declaredUnit")]
    [InlineData(RecordKind.ProductCarbonFootprint, "pcf.biogenicCarbonWithdrawal", "1.5", "record_json.pcf.biogenicCarbonWithdrawal")]
    public void Schema_refusal_names_the_field_path_and_the_record_kind(RecordKind kind, string path, string value, string field)
    {
        var error = Refused(kind, LineageExamples.Load(kind).With(path, JsonValue.Create(value)));
        Assert.Equal(field, error.Field);
        Assert.StartsWith(LineageRecordKinds.Label(kind) + ":", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decimal_given_as_a_json_number_is_refused_with_a_hint()
    {
        var error = Refused(RecordKind.Batch, LineageExamples.Load(RecordKind.Batch).With("quantity.amount", JsonValue.Create(1000)));
        Assert.Equal("record_json.quantity.amount", error.Field);
        Assert.Contains("JSON strings", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RecordKind.Batch, "product.name", "record_json.product.name")]
    [InlineData(RecordKind.Batch, "salt", "record_json.salt")]
    [InlineData(RecordKind.Shipment, "from", "record_json.from")]
    [InlineData(RecordKind.ProductCarbonFootprint, "pcf.pCfExcludingBiogenic", "record_json.pcf.pCfExcludingBiogenic")]
    public void Missing_required_member_is_named(RecordKind kind, string path, string field)
    {
        var error = Refused(kind, LineageExamples.Load(kind).With(path, null));
        Assert.Equal(field, error.Field);
        Assert.Contains("is required", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_member_is_refused_but_extensions_are_kept()
    {
        var error = Refused(RecordKind.Batch, LineageExamples.Load(RecordKind.Batch).With("colour", JsonValue.Create("red")));
        Assert.Equal("record_json.colour", error.Field);
        var nested = Refused(RecordKind.Transformation, LineageExamples.Load(RecordKind.Transformation).With("inputs[0].note", JsonValue.Create("x")));
        Assert.Equal("record_json.inputs[0].note", nested.Field);
        Read(RecordKind.Batch, LineageExamples.Load(RecordKind.Batch).With("extensions", new JsonObject { ["erpOrder"] = "PO-1", ["any"] = new JsonArray(1, 2) }));
    }

    [Fact]
    public void Bad_gtin_check_digit_in_batch_id_names_both_digits()
    {
        var record = LineageExamples.Load(RecordKind.Transformation).With("inputs[0].batchId", JsonValue.Create("https://id.gs1.org/01/09506000134351/10/ORE"));
        var error = Refused(RecordKind.Transformation, record);
        Assert.Equal("record_json.inputs[0].batchId", error.Field);
        Assert.Equal("transformation record: not a valid GS1 Digital Link URI: AI (01) value '09506000134351': incorrect check digit", error.Reason);
    }

    [Fact]
    public void Bad_gtin_check_digit_in_product_gtin_is_refused()
    {
        var error = Refused(RecordKind.Batch, LineageExamples.Load(RecordKind.Batch).With("product.gtin", JsonValue.Create("09506000134351")));
        Assert.Equal("record_json.product.gtin", error.Field);
        Assert.Equal("batch record: GTIN 09506000134351 has check digit 1, expected 2", error.Reason);
    }

    [Fact]
    public void Product_gtin_must_agree_with_the_batch_id()
    {
        var error = Refused(RecordKind.Batch, LineageExamples.Load(RecordKind.Batch).With("product.gtin", JsonValue.Create("9520123456788")));
        Assert.Equal("record_json.product.gtin", error.Field);
        Assert.Contains("differs from GTIN 09506000134352", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Short_gtin_is_accepted_and_padded_when_it_agrees()
    {
        var batch = (BatchRecord)Read(RecordKind.Batch, LineageExamples.Load(RecordKind.Batch).With("product.gtin", JsonValue.Create("9506000134352")));
        Assert.Equal("09506000134352", batch.Product.Gtin);
    }

    [Theory]
    [InlineData("not a gs1 uri")]
    [InlineData("https://id.gs1.org/01/09506000134352")]
    [InlineData("urn:epc:id:sgtin:0614141.1123.400")]
    public void Unusable_batch_id_is_refused(string batchId)
    {
        var record = LineageExamples.Load(RecordKind.Batch).With("batchId", JsonValue.Create(batchId)).With("product.gtin", null);
        var error = Refused(RecordKind.Batch, record, batchId);
        Assert.Equal("record_json.batchId", error.Field);
    }

    [Fact]
    public void Subject_id_must_equal_the_records_identifier()
    {
        var error = Refused(RecordKind.Batch, LineageExamples.Load(RecordKind.Batch), "https://id.gs1.org/01/09506000134352/10/OTHER");
        Assert.Equal("subject_id", error.Field);
        Assert.Contains("batchId", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Amount_beyond_28_significant_digits_is_refused()
    {
        var error = Refused(RecordKind.Batch, LineageExamples.Load(RecordKind.Batch).With("quantity.amount", JsonValue.Create("12345678901234567890.123456789")));
        Assert.Equal("record_json.quantity.amount", error.Field);
        Assert.Contains("28 significant digits", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Period_ending_before_it_starts_is_refused()
    {
        var error = Refused(RecordKind.Batch, LineageExamples.Load(RecordKind.Batch).With("productionPeriod.end", JsonValue.Create("2026-09-30T00:00:00Z")));
        Assert.Equal("record_json.productionPeriod.end", error.Field);
    }

    [Fact]
    public void Gln_with_bad_check_digit_is_refused()
    {
        var error = Refused(RecordKind.Batch, LineageExamples.Load(RecordKind.Batch).With("facility.gln", JsonValue.Create("9506000000009")));
        Assert.Equal("record_json.facility.gln", error.Field);
    }

    [Fact]
    public void Mass_allocation_needs_mass_unit_outputs()
    {
        var record = LineageExamples.Load(RecordKind.Transformation).With("outputs[0].quantity.unit", JsonValue.Create("H87"));
        var error = Refused(RecordKind.Transformation, record);
        Assert.Equal("record_json.outputs[0].quantity.unit", error.Field);
        Assert.Contains("economic", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Economic_allocation_needs_a_value_on_every_output()
    {
        var record = LineageExamples.Load(RecordKind.Transformation).With("allocation", JsonValue.Create("economic")).With("outputs[0].economicValuePerUnit", null);
        var error = Refused(RecordKind.Transformation, record);
        Assert.Equal("record_json.outputs[0].economicValuePerUnit", error.Field);
    }

    [Fact]
    public void Transformation_needs_at_least_one_input()
    {
        var error = Refused(RecordKind.Transformation, LineageExamples.Load(RecordKind.Transformation).With("inputs", new JsonArray()));
        Assert.Equal("record_json.inputs", error.Field);
    }

    [Fact]
    public void A_batch_cannot_be_input_and_output_of_one_transformation()
    {
        var record = LineageExamples.Load(RecordKind.Transformation);
        record.With("outputs[0].batchId", JsonValue.Create(record["inputs"]![0]!["batchId"]!.GetValue<string>()));
        var error = Refused(RecordKind.Transformation, record);
        Assert.Equal("record_json.outputs[0].batchId", error.Field);
    }

    [Fact]
    public void Participant_with_wrong_eip55_checksum_is_refused()
    {
        var error = Refused(RecordKind.Shipment, LineageExamples.Load(RecordKind.Shipment).With("from.participant", JsonValue.Create("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")));
        Assert.Equal("record_json.from.participant", error.Field);
        Assert.Contains("EIP-55", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Cargo_mass_must_be_a_mass()
    {
        var error = Refused(RecordKind.Shipment, LineageExamples.Load(RecordKind.Shipment).With("cargoMass.unit", JsonValue.Create("LTR")));
        Assert.Equal("record_json.cargoMass.unit", error.Field);
    }

    [Fact]
    public void Leg_figure_needs_its_method()
    {
        var error = Refused(RecordKind.Shipment, LineageExamples.Load(RecordKind.Shipment).With("legs[0].method", null));
        Assert.Equal("record_json.legs[0].method", error.Field);
        Assert.Equal("shipment record: is required with kgCO2e", error.Reason);
    }

    [Fact]
    public void Leg_without_figure_may_not_claim_a_measured_method()
    {
        var error = Refused(RecordKind.Shipment, LineageExamples.Load(RecordKind.Shipment).With("legs[1].method", JsonValue.Create("measured")));
        Assert.Equal("record_json.legs[1].method", error.Field);
    }

    [Fact]
    public void Primary_data_share_above_100_percent_is_refused()
    {
        var error = Refused(RecordKind.ProductCarbonFootprint, LineageExamples.Load(RecordKind.ProductCarbonFootprint).With("pcf.primaryDataShare", JsonValue.Create("100.5")));
        Assert.Equal("record_json.pcf.primaryDataShare", error.Field);
    }

    [Fact]
    public void Declaration_reference_period_must_end_after_it_starts()
    {
        var error = Refused(RecordKind.ProductCarbonFootprint, LineageExamples.Load(RecordKind.ProductCarbonFootprint).With("pcf.referencePeriodEnd", JsonValue.Create("2026-01-01T00:00:00Z")));
        Assert.Equal("record_json.pcf.referencePeriodEnd", error.Field);
    }

    [Fact]
    public void Declaration_accepts_negative_pcf_including_biogenic_as_pact_allows()
    {
        var declaration = (FootprintDeclaration)Read(RecordKind.ProductCarbonFootprint, LineageExamples.Load(RecordKind.ProductCarbonFootprint).With("pcf.pCfIncludingBiogenic", JsonValue.Create("-1.23")));
        Assert.Equal(-1.23m, declaration.PcfIncludingBiogenic);
    }

    [Fact]
    public void Supersedes_is_read_and_normalised()
    {
        var id = "0x" + new string('A', 64);
        var record = Read(RecordKind.Batch, LineageExamples.Load(RecordKind.Batch).With("supersedes", JsonValue.Create(id)));
        Assert.Equal(id.ToLowerInvariant(), record.Supersedes);
    }
}
