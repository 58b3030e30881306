using System.Text.Json.Nodes;
using Trace.Client.Claims;
using Trace.Client.Standards.Pact;
using Trace.Domain;
using Trace.Domain.Lineage;
using Trace.Node.Lineage.Records;
using Trace.Tests.Support;

namespace Trace.Node.Tests.Standards.Pact;

/// <summary>
/// PACT import (issue 15): a supplier's ProductFootprint becomes an unsigned footprint declaration that the node's own
/// record reader accepts, or is refused naming the member whose value or arithmetic is wrong.
/// </summary>
public sealed class PactDeclarationConverterTests
{
    private const string Batch = "urn:trace:batch:ethanol-2611";
    private static readonly LineageRecordReader Reader = new();

    [PactFixtureFact]
    public void The_WBCSD_v2_example_becomes_a_declaration_the_node_accepts()
    {
        var draft = PactDeclarationConverter.Convert(PactFixtures.Read("v2-get-footprint-response.json"), Batch, "LTR");
        var declaration = Accept(draft);
        Assert.Equal(Batch, draft.SubjectId);
        Assert.Equal(Trace.Protos.V1.RecordKind.ProductCarbonFootprint, draft.Kind);
        Assert.Equal("liter", declaration.DeclaredUnitName);
        Assert.Equal(1.63m, declaration.PcfExcludingBiogenic);
        Assert.Equal(1.85m, declaration.PcfIncludingBiogenic);
        Assert.Equal(12.9m, declaration.PrimaryDataSharePercent);
        Assert.Equal("91715e5e-fd0b-4d1c-8fab-76290c46e6ed", declaration.PactProductFootprintId);
        var pcf = JsonNode.Parse(draft.BodyJson)!["pcf"]!;
        Assert.Equal("0.8", pcf["dLucGhgEmissions"]!.GetValue<string>());
        Assert.Equal("-1.5", pcf["biogenicCarbonWithdrawal"]!.GetValue<string>());
    }

    [PactFixtureFact]
    public void The_WBCSD_v3_example_becomes_a_declaration_its_uptake_sum_agreeing_within_its_rounding()
    {
        // 0.384 + (-1.61) = -1.226, stated as -1.23: within half a unit of the second decimal place.
        var declaration = Accept(PactDeclarationConverter.Convert(PactFixtures.Read("v3-example-1.json"), Batch, "TNE"));
        Assert.Equal("kilogram", declaration.DeclaredUnitName);
        Assert.Equal(0.384m, declaration.PcfExcludingBiogenic);
        Assert.Equal(-1.23m, declaration.PcfIncludingBiogenic);
        Assert.Equal(12.9m, declaration.PrimaryDataSharePercent);
    }

    [PactFixtureFact]
    public void The_invalid_all_properties_example_is_refused_naming_its_malformed_updated_time()
    {
        var refused = Assert.Throws<InvalidFieldException>(() => PactDeclarationConverter.Convert(PactFixtures.Read("v2-invalid-response-all-properties.json"), Batch));
        Assert.Equal("data[0].updated", refused.Field);
        Assert.Contains("2023-1-08T14:47:32Z", refused.Reason);
    }

    [PactFixtureFact]
    public void The_node_schema_names_the_same_property_of_the_invalid_example()
    {
        var pf = System.Text.Json.JsonDocument.Parse(PactFixtures.Read("v2-invalid-response-all-properties.json")).RootElement.GetProperty("data")[0];
        var violation = Node.Standards.Pact.PactSchema.FirstViolation(pf);
        Assert.NotNull(violation);
        Assert.Equal("updated", violation.Value.Path);
    }

    [PactFixtureFact]
    public void A_v2_footprint_whose_fossil_part_exceeds_its_total_is_refused_naming_the_part()
    {
        var pf = JsonNode.Parse(PactFixtures.Read("v2-get-footprint-response.json"))!;
        pf["data"]!["pcf"]!["fossilGhgEmissions"] = "1.7"; // > pCfExcludingBiogenic 1.63
        var refused = Assert.Throws<InvalidFieldException>(() => PactDeclarationConverter.Convert(pf.ToJsonString(), Batch));
        Assert.Equal("data.pcf.fossilGhgEmissions", refused.Field);
        Assert.Contains("exceeds pCfExcludingBiogenic 1.63", refused.Reason);
    }

    [PactFixtureFact]
    public void A_v3_footprint_whose_including_total_is_not_excluding_plus_uptake_is_refused()
    {
        // wbcsd/data-exchange-protocol#148: 1.85 + (-1.5) = 0.35, not 1.63.
        var pf = JsonNode.Parse(PactFixtures.Read("v3-example-1.json"))!;
        pf["pcf"]!["pcfExcludingBiogenicUptake"] = "1.85";
        pf["pcf"]!["pcfIncludingBiogenicUptake"] = "1.63";
        pf["pcf"]!["biogenicCO2Uptake"] = "-1.5";
        var refused = Assert.Throws<InvalidFieldException>(() => PactDeclarationConverter.Convert(pf.ToJsonString(), Batch));
        Assert.Equal("pcf.pcfIncludingBiogenicUptake", refused.Field);
        Assert.Contains("= 0.35", refused.Reason);
    }

    [PactFixtureFact]
    public void A_footprint_per_liter_cannot_declare_a_batch_counted_in_tonnes()
    {
        var refused = Assert.Throws<InvalidFieldException>(() => PactDeclarationConverter.Convert(PactFixtures.Read("v2-get-footprint-response.json"), Batch, "TNE"));
        Assert.Equal("data.pcf.declaredUnit", refused.Field);
    }

    [PactFixtureFact]
    public void A_footprint_per_kilogram_stating_another_mass_per_declared_unit_is_refused()
    {
        var pf = JsonNode.Parse(PactFixtures.Read("v3-example-1.json"))!;
        pf["pcf"]!["productMassPerDeclaredUnit"] = "0.879";
        var refused = Assert.Throws<InvalidFieldException>(() => PactDeclarationConverter.Convert(pf.ToJsonString(), Batch));
        Assert.Equal("pcf.productMassPerDeclaredUnit", refused.Field);
    }

    [PactFixtureFact]
    public void Figures_written_as_json_numbers_are_refused_naming_the_member()
    {
        var pf = JsonNode.Parse(PactFixtures.Read("v2-get-footprint-response.json"))!;
        pf["data"]!["pcf"]!["pCfExcludingBiogenic"] = 1.63;
        var refused = Assert.Throws<InvalidFieldException>(() => PactDeclarationConverter.Convert(pf.ToJsonString(), Batch));
        Assert.Equal("data.pcf.pCfExcludingBiogenic", refused.Field);
    }

    [PactFixtureFact]
    public void A_deprecated_footprint_is_refused()
    {
        var pf = JsonNode.Parse(PactFixtures.Read("v2-get-footprint-response.json"))!;
        pf["data"]!["status"] = "Deprecated";
        Assert.Equal("data.status", Assert.Throws<InvalidFieldException>(() => PactDeclarationConverter.Convert(pf.ToJsonString(), Batch)).Field);
    }

    [Fact]
    public void A_document_that_is_not_json_is_refused()
    {
        Assert.Equal("$", Assert.Throws<InvalidFieldException>(() => PactDeclarationConverter.Convert("{not json", Batch)).Field);
    }

    /// <summary>The draft, salted as the signer does, read by the node's own record reader (schema and record checks).</summary>
    internal static FootprintDeclaration Accept(RecordDraft draft) =>
        Assert.IsType<FootprintDeclaration>(Reader.Read(RecordKind.ProductCarbonFootprint, SaltedRecord.Seal(draft.BodyJson).CanonicalJson, draft.SubjectId));
}
