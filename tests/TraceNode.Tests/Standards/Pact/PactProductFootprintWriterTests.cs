using System.Text.Json;
using Trace.Client.Standards.Pact;
using Trace.Domain;
using Trace.Node.Standards.Pact;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Standards.Pact;

/// <summary>
/// PACT export (issue 15): a computed footprint written as a ProductFootprint validates against the PACT v2 data model
/// schema, states primaryDataShare and dqi as docs/pact.md defines them, carries every figure's records in the Trace
/// extension, and re-imports as a declaration with the same figures.
/// </summary>
public sealed class PactProductFootprintWriterTests
{
    private const string Record1 = "0x1111111111111111111111111111111111111111111111111111111111111111";
    private const string Record2 = "0x2222222222222222222222222222222222222222222222222222222222222222";

    /// <summary>The pig iron of docs/lineage.md's worked example: 496 000 kgCO2e for 1 000 t, 422 400 primary, 300 000 verified.</summary>
    internal static PactFootprintSource PigIron(string unit = "TNE", decimal quantity = 1000m) => new()
    {
        Id = PactFootprintIds.For("https://id.gs1.org/01/09506000134352/10/PIG-2611"),
        BatchId = "https://id.gs1.org/01/09506000134352/10/PIG-2611",
        BatchRecordId = Record1,
        Producer = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        ProductName = "Pig iron",
        Gtin = "09506000134352",
        Quantity = quantity,
        Unit = unit,
        TotalKgCo2e = 496000m,
        PrimaryKgCo2e = 422400m,
        VerifiedKgCo2e = 300000m,
        Scope1KgCo2e = 240000m,
        Scope2KgCo2e = 80000m,
        Scope3KgCo2e = 176000m,
        Created = new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero),
        ComputedAt = new DateTimeOffset(2026, 11, 2, 10, 5, 0, TimeSpan.Zero),
        VerificationAsOf = new DateTimeOffset(2026, 11, 2, 10, 6, 0, TimeSpan.Zero),
        PeriodStart = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
        PeriodEnd = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero),
        Figures = [new PactFigure("ProcessScope1", 240000m, 240000m, 240000m, "measured", Record2)],
        Citations = [new PactCitation(Record1, "Batch", "Batch", "Confirmed", "Verified", false, "https://id.gs1.org/01/09506000134352/10/PIG-2611"),
                     new PactCitation(Record2, "Transformation", "Transformation", "Pending", "Unconfirmed", true, "https://id.gs1.org/01/09506000134352/10/PIG-2611")],
        ChainId = 31337,
        EvidenceRegistry = "0x5FbDB2315678afecb367f032d93F642f64180aa3",
    };

    [Fact]
    public void A_computed_footprint_exports_as_a_ProductFootprint_valid_against_the_PACT_v2_schema()
    {
        var pf = PactProductFootprintWriter.ToV2(PigIron());
        Assert.Null(PactSchema.FirstViolation(JsonSerializer.SerializeToElement(pf)));
        var pcf = pf["pcf"]!;
        Assert.Equal("kilogram", pcf["declaredUnit"]!.GetValue<string>());
        Assert.Equal("0.496", pcf["pCfExcludingBiogenic"]!.GetValue<string>()); // 496 000 kg / 1 000 000 kg
        Assert.Equal(85.1613m, pcf["primaryDataShare"]!.GetValue<decimal>()); // 422 400 / 496 000
        Assert.Equal(["urn:gtin:09506000134352", "urn:trace:batch:https%3A%2F%2Fid.gs1.org%2F01%2F09506000134352%2F10%2FPIG-2611"],
            pf["productIds"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("2026-11-01T00:00:00Z", pcf["referencePeriodStart"]!.GetValue<string>());
    }

    [Fact]
    public void Data_quality_ratings_follow_the_primary_and_verified_shares()
    {
        var dqi = PactProductFootprintWriter.ToV2(PigIron())["pcf"]!["dqi"]!;
        // p = 0.851613, v = 0.604839: technological and geographical 3 - 2p, temporal 2 - p, reliability 3 - p - v.
        Assert.Equal(1.30m, dqi["technologicalDQR"]!.GetValue<decimal>());
        Assert.Equal(1.30m, dqi["geographicalDQR"]!.GetValue<decimal>());
        Assert.Equal(1.15m, dqi["temporalDQR"]!.GetValue<decimal>());
        Assert.Equal(1.54m, dqi["reliabilityDQR"]!.GetValue<decimal>());
        Assert.Equal(1m, dqi["completenessDQR"]!.GetValue<decimal>());
        Assert.Equal(100m, dqi["coveragePercent"]!.GetValue<decimal>());

        var gap = PactProductFootprintWriter.ToV2(PigIron() with { TransportNotReported = true, WithdrawnRecordIds = [Record2] })["pcf"]!["dqi"]!;
        Assert.Equal(2m, gap["completenessDQR"]!.GetValue<decimal>());
        Assert.Equal(3m, gap["reliabilityDQR"]!.GetValue<decimal>());
    }

    [Fact]
    public void The_extension_names_every_figure_and_record_with_the_chain_to_verify_them_on()
    {
        var extension = Assert.Single(PactProductFootprintWriter.ToV2(PigIron())["extensions"]!.AsArray())!;
        Assert.Equal(PactExtension.DataSchema, extension["dataSchema"]!.GetValue<string>());
        var data = extension["data"]!;
        Assert.Equal("496000", data["totalKgCO2e"]!.GetValue<string>());
        Assert.Equal("31337", data["chain"]!["chainId"]!.GetValue<string>());
        Assert.Equal(PactExtension.ProofBundleRpc, data["proofBundleRpc"]!.GetValue<string>());
        Assert.Equal([Record1, Record2], data["records"]!.AsArray().Select(r => r!["recordId"]!.GetValue<string>()));
        Assert.Equal(Record2, Assert.Single(data["figures"]!.AsArray())!["recordId"]!.GetValue<string>());
        Assert.True(Json.Schema.JsonSchema.FromFile(Path.Combine(RepoRoot.Path, "docs", "schemas", "pact", "trace-lineage-extension.schema.json"))
            .Evaluate(JsonSerializer.SerializeToElement(data)).IsValid);
    }

    [Fact]
    public void An_export_reimports_as_a_declaration_whose_figures_equal_the_exports()
    {
        foreach (var pf in new[] { PactProductFootprintWriter.ToV2(PigIron()), PactProductFootprintWriter.ToV3(PigIron()) })
        {
            var declaration = PactDeclarationConverterTests.Accept(PactDeclarationConverter.Convert(pf.ToJsonString(), PigIron().BatchId, "TNE"));
            Assert.Equal(0.496m, declaration.PcfExcludingBiogenic);
            Assert.Equal(85.1613m, declaration.PrimaryDataSharePercent);
            Assert.Equal("kilogram", declaration.DeclaredUnitName);
            Assert.Equal(1m, declaration.UnitaryProductAmount);
            Assert.Equal(pf["id"]!.GetValue<string>(), declaration.PactProductFootprintId);
            // Declared again, the batch's footprint is the exported one: 0.496 × 1 000 000 kg / 1.
            Assert.Equal(496000m, declaration.PcfExcludingBiogenic * 1_000_000m / declaration.UnitaryProductAmount);
        }
    }

    [Fact]
    public void A_non_terminating_figure_is_exported_with_at_most_28_significant_digits_so_it_can_be_declared_again()
    {
        var source = PigIron() with { TotalKgCo2e = 1564093.3297261904761904761905m };
        var perKg = PactProductFootprintWriter.ToV2(source)["pcf"]!["pCfExcludingBiogenic"]!.GetValue<string>();
        Assert.Equal("1.564093329726190476190476191", perKg); // 29 digits rounded to 28, half away from zero
        var declaration = PactDeclarationConverterTests.Accept(PactDeclarationConverter.Convert(PactProductFootprintWriter.ToV2(source).ToJsonString(), source.BatchId, "TNE"));
        Assert.InRange(declaration.PcfExcludingBiogenic * 1_000_000m - source.TotalKgCo2e, -0.000001m, 0.000001m);
    }

    [Fact]
    public void A_batch_counted_in_pieces_exports_as_PACT_v3_only_and_one_in_metres_not_at_all()
    {
        var pieces = PigIron("H87", 14000m);
        Assert.Equal("unit", Assert.Throws<InvalidFieldException>(() => PactProductFootprintWriter.ToV2(pieces)).Field);
        Assert.Equal("piece", PactProductFootprintWriter.ToV3(pieces)["pcf"]!["declaredUnitOfMeasurement"]!.GetValue<string>());
        Assert.Throws<InvalidFieldException>(() => PactProductFootprintWriter.ToV3(PigIron("MTR", 10m)));
    }

    [Fact]
    public void A_footprint_of_zero_states_no_primary_share_and_still_validates()
    {
        var pf = PactProductFootprintWriter.ToV2(PigIron() with { TotalKgCo2e = 0m, PrimaryKgCo2e = 0m, VerifiedKgCo2e = 0m });
        Assert.Null(pf["pcf"]!["primaryDataShare"]);
        Assert.Null(PactSchema.FirstViolation(JsonSerializer.SerializeToElement(pf)));
    }

    [Fact]
    public void Footprint_ids_are_stable_version_8_uuids_per_batch()
    {
        var id = PactFootprintIds.For("urn:example:batch:42");
        Assert.Equal(id, PactFootprintIds.For("urn:example:batch:42"));
        Assert.NotEqual(id, PactFootprintIds.For("urn:example:batch:43"));
        Assert.Equal('8', id.ToString("D")[14]);
    }
}
