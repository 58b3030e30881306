using System.Globalization;
using System.Text.Json.Nodes;
using Grpc.Core;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Pact;

/// <summary>
/// trace.v1.PactService over gRPC against the steel scenario node: a computed footprint exports (v2, and v3 for pieces),
/// and its export, converted and signed by a buyer for a batch it bought, re-enters the lineage as a declaration whose
/// footprint equals the exported one.
/// </summary>
public sealed class PactGrpcTests(PactNode pact) : IClassFixture<PactNode>
{
    private PactService.PactServiceClient Pact => new(pact.Node.Api.Channel);

    [Fact]
    public async Task An_export_converted_and_signed_by_the_buyer_declares_a_bought_batch_with_the_same_footprint()
    {
        var export = await Pact.ExportProductFootprintAsync(new ExportProductFootprintRequest { BatchId = pact.Scenario.Subject("pig-iron") });
        var exported = JsonNode.Parse(export.ProductFootprintJson)!;

        // The mill registers the pig iron it bought from outside this node's lineage, then declares it with the export.
        var mill = pact.Scenario.Signer("mill");
        const string bought = "urn:trace:batch:mill:pig-iron-bought-2611";
        var batch = new JsonObject
        {
            ["recordType"] = "trace.batch/v1", ["batchId"] = bought,
            ["product"] = new JsonObject { ["name"] = "Pig iron (bought)" },
            ["quantity"] = new JsonObject { ["amount"] = "1000", ["unit"] = "TNE" },
        };
        Assert.True((await pact.Node.Evidence.SubmitRecordAsync(mill.StructuredRecord(bought, RecordKind.Batch, batch.ToJsonString()))).Created);

        var converted = await Pact.ConvertProductFootprintAsync(new ConvertProductFootprintRequest { ProductFootprintJson = export.ProductFootprintJson, BatchId = bought });
        Assert.Equal(RecordKind.ProductCarbonFootprint, converted.Kind);
        var record = JsonNode.Parse(converted.RecordJson)!;
        Assert.Equal(exported["pcf"]!["pCfExcludingBiogenic"]!.GetValue<string>(), record["pcf"]!["pCfExcludingBiogenic"]!.GetValue<string>());
        Assert.Equal(export.FootprintId, record["pactProductFootprintId"]!.GetValue<string>());
        Assert.True((await pact.Node.Evidence.SubmitRecordAsync(mill.StructuredRecord(converted.SubjectId, converted.Kind, converted.RecordJson))).Created);

        var declared = (await new LineageService.LineageServiceClient(pact.Node.Api.Channel).GetFootprintAsync(new GetFootprintRequest { BatchId = bought })).Footprint;
        var original = (await new LineageService.LineageServiceClient(pact.Node.Api.Channel).GetFootprintAsync(new GetFootprintRequest { BatchId = pact.Scenario.Subject("pig-iron") })).Footprint;
        Assert.Equal(FootprintBasis.Declared, declared.Basis);
        var difference = decimal.Parse(declared.TotalKgCo2E, CultureInfo.InvariantCulture) - decimal.Parse(original.TotalKgCo2E, CultureInfo.InvariantCulture);
        Assert.InRange(difference, -0.000001m, 0.000001m); // the per-kilogram figure has 28 significant digits
    }

    [Fact]
    public async Task Pieces_export_as_PACT_v3_only_and_an_unknown_batch_is_not_found()
    {
        var doorPanel = pact.Scenario.Subject("door-panel");
        var v3 = await Pact.ExportProductFootprintAsync(new ExportProductFootprintRequest { BatchId = doorPanel, SpecVersion = "3" });
        Assert.Equal("piece", JsonNode.Parse(v3.ProductFootprintJson)!["pcf"]!["declaredUnitOfMeasurement"]!.GetValue<string>());

        var v2 = await Assert.ThrowsAsync<RpcException>(() => Pact.ExportProductFootprintAsync(new ExportProductFootprintRequest { BatchId = doorPanel }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, v2.StatusCode);
        Assert.StartsWith("batch_id:", v2.Status.Detail);

        var unknown = await Assert.ThrowsAsync<RpcException>(() => Pact.ExportProductFootprintAsync(new ExportProductFootprintRequest { BatchId = "urn:trace:batch:nowhere" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        var version = await Assert.ThrowsAsync<RpcException>(() => Pact.ExportProductFootprintAsync(new ExportProductFootprintRequest { BatchId = doorPanel, SpecVersion = "4" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, version.StatusCode);
        Assert.StartsWith("spec_version:", version.Status.Detail);
    }

    [Fact]
    public async Task A_conversion_against_a_known_batch_of_another_unit_is_refused_naming_the_declared_unit()
    {
        var export = await Pact.ExportProductFootprintAsync(new ExportProductFootprintRequest { BatchId = pact.Scenario.Subject("door-panel"), SpecVersion = "3" });
        var refused = await Assert.ThrowsAsync<RpcException>(() => Pact.ConvertProductFootprintAsync(new ConvertProductFootprintRequest
        {
            ProductFootprintJson = export.ProductFootprintJson, BatchId = pact.Scenario.Subject("coil"),
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.StartsWith("product_footprint_json.pcf.declaredUnitOfMeasurement:", refused.Status.Detail);

        var notJson = await Assert.ThrowsAsync<RpcException>(() => Pact.ConvertProductFootprintAsync(new ConvertProductFootprintRequest { ProductFootprintJson = "[", BatchId = "urn:x:1" }).ResponseAsync);
        Assert.StartsWith("product_footprint_json.$:", notJson.Status.Detail);
    }
}
