using System.Text.Json.Nodes;
using Grpc.Core;
using Trace.Api.Tests.Lineage;
using Trace.Chain.Contracts.Registries;
using Trace.Client.Claims;
using Trace.Crypto;
using Trace.Protos.V1;
using Trace.Tests.Support;

namespace Trace.Api.Tests.Standards;

/// <summary>
/// EPCIS 2.0 import end to end against a real node (Anvil, SQLite, gRPC over a socket): the supplier converts its EPCIS
/// documents with EpcisService, signs the returned records with its own key (the client library's ClaimSigner) and
/// submits them; GS1's TransformationEvent example then appears in the lineage with its quantities and units.
/// </summary>
public sealed class EpcisImportTests(SteelScenarioNode node) : IClassFixture<SteelScenarioNode>
{
    private static readonly string[] InputIds =
    [
        "urn:epc:id:sgtin:4012345.011122.25", "urn:epc:id:sgtin:4000001.065432.99886655", "urn:epc:class:lgtin:4012345.011111.4444",
        "urn:epc:class:lgtin:0614141.077777.987", "urn:epc:idpat:sgtin:4012345.066666.*",
    ];

    private EpcisService.EpcisServiceClient Epcis => new(node.Api.Channel);
    private LineageService.LineageServiceClient Lineage => new(node.Api.Channel);

    /// <summary>
    /// The supplier's own commissioning event for the five inputs of GS1 example 9.6.4 (same EPCs, classes, quantities and
    /// units), written for this test: the GS1 example consumes them but nothing in the examples declares them.
    /// </summary>
    private static string CommissioningDocument(string quantityOf987 = "30") => $$"""
        {
          "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
          "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2013-10-01T08:00:00Z",
          "epcisBody": { "eventList": [ {
            "type": "ObjectEvent", "eventID": "urn:uuid:0f3c2a4e-7d51-4b8a-9c11-2e6f3a9b7c01",
            "eventTime": "2013-10-01T08:00:00Z", "eventTimeZoneOffset": "+00:00", "action": "ADD", "bizStep": "commissioning",
            "epcList": ["urn:epc:id:sgtin:4012345.011122.25", "urn:epc:id:sgtin:4000001.065432.99886655"],
            "quantityList": [
              {"epcClass": "urn:epc:class:lgtin:4012345.011111.4444", "quantity": 10, "uom": "KGM"},
              {"epcClass": "urn:epc:class:lgtin:0614141.077777.987", "quantity": {{quantityOf987}}},
              {"epcClass": "urn:epc:idpat:sgtin:4012345.066666.*", "quantity": 220}
            ],
            "readPoint": {"id": "urn:epc:id:sgln:4012345.00001.0"}
          } ] }
        }
        """;

    [EpcisFact]
    public async Task The_GS1_transformation_example_signed_by_the_supplier_appears_in_the_lineage_with_its_quantities()
    {
        var key = EthereumKey.Generate();
        node.Api.Tokens.Keyring.Add(key); // its records are submitted signed in as it
        var supplier = new ClaimSigner(key, node.Node.ChainId, node.EvidenceRegistry);
        await node.RegisterAsync(supplier.Address, ParticipantRoles.Supplier);

        // 1. The inputs, with own emissions the supplier adds (EPCIS carries none): 5 + 100 + 60 kgCO2e.
        var commissioning = new ConvertEpcisDocumentRequest { DocumentJson = CommissioningDocument(), Issuer = supplier.Address.ToString() };
        commissioning.RecordOverrides[InputIds[0]] = Emissions("5", "measured");
        commissioning.RecordOverrides[InputIds[2]] = Emissions("100", "measured");
        commissioning.RecordOverrides[InputIds[3]] = Emissions("60", "calculated");
        var inputs = await Epcis.ConvertEpcisDocumentAsync(commissioning);
        Assert.Equal(InputIds, inputs.Records.Select(r => r.SubjectId));
        await SubmitAllAsync(supplier, inputs);

        // 2. GS1's example 9.6.4 as published: first converted to learn the transformation's subject id, then again with
        // the process emissions (40 kgCO2e) the supplier adds.
        var example = await File.ReadAllTextAsync(EpcisExamples.Path("Example_9.6.4-TransformationEvent.jsonld"));
        var request = new ConvertEpcisDocumentRequest { DocumentJson = example, Issuer = supplier.Address.ToString() };
        var transformationId = (await Epcis.ConvertEpcisDocumentAsync(request)).Records.Single(r => r.Kind == RecordKind.Transformation).SubjectId;
        request.RecordOverrides[transformationId] = """{"emissions":{"scope1":{"kgCO2e":"40","method":"measured"}}}""";
        var converted = await Epcis.ConvertEpcisDocumentAsync(request);
        Assert.Equal(EpcisEventDisposition.Converted, Assert.Single(converted.Events).Disposition);
        Assert.Equal("gs1-cbv2.0-event-hash", converted.EventHashAlgorithm);
        await SubmitAllAsync(supplier, converted);

        // 3. The lineage: every input edge into the first output, with the example's quantities and units.
        const string output = "urn:epc:id:sgtin:4012345.077889.25";
        var upstream = await Lineage.GetUpstreamLineageAsync(new GetUpstreamLineageRequest { BatchId = output });
        var edges = upstream.Edges.Where(e => e.ToBatchId == output).ToDictionary(e => e.FromBatchId, e => $"{e.Quantity.Amount} {e.Quantity.Unit}");
        Assert.Equal(new Dictionary<string, string>
        {
            [InputIds[0]] = "1 H87", [InputIds[1]] = "1 H87", [InputIds[2]] = "10 KGM", [InputIds[3]] = "30 H87", [InputIds[4]] = "220 H87",
        }, edges);
        Assert.All(upstream.Edges.Where(e => e.ToBatchId == output), e => Assert.Equal(transformationId, e.TransformationId));

        // 4. The footprint, by hand: every input consumed whole, so Total = 40 + 5 + 0 + 100 + 60 + 0 = 205 kgCO2e; four
        // outputs of one piece each, economic allocation at value 1 each: 205 / 4 = 51.25 kgCO2e per output.
        var footprint = (await Lineage.GetFootprintAsync(new GetFootprintRequest { BatchId = output })).Footprint;
        Assert.Equal("51.25", footprint.TotalKgCo2E);
        Assert.Equal("51.25", footprint.KgCo2EPerUnit);
    }

    [EpcisFact]
    public async Task A_malformed_event_is_refused_naming_its_index_and_path_and_nothing_is_written()
    {
        var supplier = new ClaimSigner(EthereumKey.Generate(), node.Node.ChainId, node.EvidenceRegistry);
        var document = JsonNode.Parse(CommissioningDocument("\"thirty\""))!;
        document["epcisBody"]!["eventList"]![0]!["quantityList"]![1]!["epcClass"] = "urn:epc:class:lgtin:0614141.077777.MALFORMED";

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await Epcis.ConvertEpcisDocumentAsync(new ConvertEpcisDocumentRequest { DocumentJson = document.ToJsonString(), Issuer = supplier.Address.ToString() }));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.StartsWith("document_json.epcisBody.eventList[0].quantityList[1].quantity: event 0: not valid against the EPCIS 2.0 JSON Schema", ex.Status.Detail);
        var lookup = await Assert.ThrowsAsync<RpcException>(async () =>
            await Lineage.GetFootprintAsync(new GetFootprintRequest { BatchId = "urn:epc:class:lgtin:0614141.077777.MALFORMED" }));
        Assert.Equal(StatusCode.NotFound, lookup.StatusCode);
    }

    [EpcisFact]
    public async Task A_stream_of_documents_is_answered_one_conversion_per_document_in_order()
    {
        using var call = Epcis.ConvertEpcisDocuments();
        foreach (var file in (string[])["Example_9.6.3-AggregationEvent.jsonld", "Example_9.6.4-TransformationEvent.jsonld"])
            await call.RequestStream.WriteAsync(new ConvertEpcisDocumentRequest
            {
                DocumentJson = await File.ReadAllTextAsync(EpcisExamples.Path(file)), Issuer = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            });
        await call.RequestStream.CompleteAsync();
        var answers = new List<ConvertEpcisDocumentResponse>();
        await foreach (var answer in call.ResponseStream.ReadAllAsync()) answers.Add(answer);

        Assert.Equal(2, answers.Count);
        Assert.Equal(EpcisEventDisposition.Skipped, Assert.Single(answers[0].Events).Disposition);
        Assert.Empty(answers[0].Records);
        Assert.Equal(5, answers[1].Records.Count);
    }

    private static string Emissions(string kg, string method) => new JsonObject
    {
        ["emissions"] = new JsonObject { ["scope1"] = new JsonObject { ["kgCO2e"] = kg, ["method"] = method } },
    }.ToJsonString();

    private async Task SubmitAllAsync(ClaimSigner signer, ConvertEpcisDocumentResponse converted)
    {
        foreach (var record in converted.Records)
        {
            try
            {
                var response = await node.Evidence.SubmitRecordAsync(signer.StructuredRecord(record.SubjectId, record.Kind, record.RecordJson));
                Assert.True(response.Created);
            }
            catch (RpcException ex)
            {
                throw new Xunit.Sdk.XunitException($"{record.SubjectId} was refused: {ex.StatusCode} {ex.Status.Detail}");
            }
        }
    }
}
