using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Trace.Client.Canonical;
using Trace.Client.Standards.Epcis;
using Trace.Client.Standards.Epcis.EventHash;
using Trace.Crypto;
using Trace.Domain;
using Trace.Node.Lineage.Records;
using Trace.Node.Standards.Epcis;
using Trace.Tests.Support;
using EpcisEventDisposition = Trace.Protos.V1.EpcisEventDisposition;
using ProtoKind = Trace.Protos.V1.RecordKind;

namespace Trace.Node.Tests.Standards;

/// <summary>
/// The GS1 EPCIS 2.0 examples (shared/standards/epcis) against the node's import: each is valid against the EPCIS JSON
/// Schema, converts into records that pass the lineage intake checks, or is skipped/refused for the documented reason.
/// </summary>
public sealed class EpcisConversionTests
{
    private const string Issuer = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    private const string Supplier = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";
    private const string Receiver = "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB";

    private static EpcisImporter Importer() => new(new EpcisSchema(Options.Create(new EpcisOptions { SchemaPath = EpcisExamples.SchemaPath })));

    private static EpcisConversionOptions Options_() => new()
    {
        Issuer = Issuer,
        Counterparty = Receiver,
        // Example 9.6.2's source (possessing party) and destination (owning party) locations.
        Parties = new Dictionary<string, string>
        {
            ["urn:epc:id:sgln:4012345.00001.0"] = Supplier,
            ["urn:epc:id:sgln:0614141.00001.0"] = Issuer,
        },
    };

    public static TheoryData<string, string> ExpectedDispositions() => new()
    {
        { "Example_9.6.1-ObjectEvent.jsonld", "Converted,ConfirmsShipment" },
        { "Example_9.6.2-ObjectEvent.jsonld", "Converted" },
        { "Example_9.6.3-AggregationEvent.jsonld", "Skipped" },
        { "Example_9.6.4-TransformationEvent.jsonld", "Converted" },
        { "SensorDataExample1.jsonld", "Skipped" },
        { "SensorDataExample8.jsonld", "Skipped" },
        { "transformation_event_all_possible_fields.jsonld", "ErrorDeclaration" },
    };

    [EpcisFact]
    public void Every_example_in_the_shared_folder_has_an_expected_outcome()
    {
        var expected = ExpectedDispositions().Select(row => (string)row[0]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, EpcisExamples.Documents);
    }

    [EpcisTheory]
    [MemberData(nameof(ExpectedDispositions))]
    public void Every_example_is_valid_EPCIS_and_converts_into_records_that_pass_intake_or_is_skipped_with_a_reason(string file, string dispositions)
    {
        var conversion = Importer().Convert(File.ReadAllText(EpcisExamples.Path(file)), Options_());

        Assert.Equal(dispositions, string.Join(",", conversion.Events.Select(e => e.Disposition)));
        foreach (var outcome in conversion.Events)
        {
            if (outcome.Disposition == EpcisEventDisposition.Converted) Assert.NotEmpty(outcome.SubjectIds);
            else Assert.NotEmpty(outcome.Notes);
        }
        foreach (var record in conversion.Records)
        {
            var salted = JsonNode.Parse(record.BodyJson)!.AsObject();
            salted["salt"] = "0x" + new string('7', 64);
            using var document = JsonDocument.Parse(salted.ToJsonString());
            var read = new LineageRecordReader().Read((RecordKind)(int)record.Kind, document.RootElement, record.SubjectId);
            Assert.Equal(record.SubjectId, read.Identifier);
        }
    }

    [EpcisFact]
    public void The_transformation_example_becomes_its_output_batches_and_a_transformation_with_every_input_and_unit()
    {
        var conversion = Importer().Convert(File.ReadAllText(EpcisExamples.Path("Example_9.6.4-TransformationEvent.jsonld")), Options_());

        Assert.Equal([ProtoKind.Batch, ProtoKind.Batch, ProtoKind.Batch, ProtoKind.Batch, ProtoKind.Transformation], conversion.Records.Select(r => r.Kind));
        var transformation = JsonNode.Parse(conversion.Records[^1].BodyJson)!;
        Assert.Equal(
            "urn:epc:id:sgtin:4012345.011122.25 1 H87|urn:epc:id:sgtin:4000001.065432.99886655 1 H87|urn:epc:class:lgtin:4012345.011111.4444 10 KGM|"
            + "urn:epc:class:lgtin:0614141.077777.987 30 H87|urn:epc:idpat:sgtin:4012345.066666.* 220 H87",
            string.Join("|", transformation["inputs"]!.AsArray().Select(i => $"{i!["batchId"]} {i["quantity"]!["amount"]} {i["quantity"]!["unit"]}")));
        Assert.Equal(
            "urn:epc:id:sgtin:4012345.077889.25|urn:epc:id:sgtin:4012345.077889.26|urn:epc:id:sgtin:4012345.077889.27|urn:epc:id:sgtin:4012345.077889.28",
            string.Join("|", transformation["outputs"]!.AsArray().Select(o => (string)o!["batchId"]!)));
        Assert.Equal("economic", (string)transformation["allocation"]!);
        // readPoint urn:epc:id:sgln:4012345.00001.0 is GLN 401234500001 + check digit 6 (weights 3,1 from the right: sum 34).
        Assert.Equal("4012345000016", (string)transformation["facility"]!["gln"]!);
        Assert.StartsWith("urn:trace:epcis:event:", (string)transformation["transformationId"]!);
    }

    [EpcisFact]
    public void Each_record_keeps_the_whole_event_its_extension_fields_its_gs1_event_hash_and_the_sha256_of_the_canonical_event()
    {
        var text = File.ReadAllText(EpcisExamples.Path("Example_9.6.2-ObjectEvent.jsonld"));
        var conversion = Importer().Convert(text, Options_());

        using var source = JsonDocument.Parse(text);
        var sourceEvent = source.RootElement.GetProperty("epcisBody").GetProperty("eventList")[0];
        var expectedHash = EpcisEventHashId.Of(sourceEvent, EpcisJsonLdContext.Of(source.RootElement));
        var canonicalHash = Hex.Encode(SHA256.HashData(JsonCanonicalizer.Canonicalize(sourceEvent)));
        var record = Assert.Single(conversion.Records);
        Assert.Equal(expectedHash, record.EventHash);
        var epcis = JsonNode.Parse(record.BodyJson)!["extensions"]!["epcis"]!;
        Assert.Equal(expectedHash, (string)epcis["eventHash"]!);
        Assert.Equal("gs1-cbv2.0-event-hash", (string)epcis["eventHashAlgorithm"]!);
        Assert.Equal(canonicalHash, (string)epcis["canonicalJsonHash"]!);
        Assert.Equal("ni:///sha-256;a98f08ae6ac4de3482054314d637c07010b448d3802dccb028a06aafcc6a4b10?ver=CBV2.0", (string)epcis["eventID"]!);
        // GS1's example eventID is illustrative: it is not the event's CBV 2.0 hash, and the record says so.
        Assert.False((bool)epcis["eventIdMatchesHash"]!);
        Assert.Equal("Example of a vendor/user extension", (string)epcis["event"]!["example:myField"]!);
        Assert.Equal("http://ns.example.com/epcis/", (string)epcis["context"]![1]!["example"]!);
        // The receiving event's parties: possessing party (supplier) to owning party (the issuer), 200 KGM of the lot.
        var shipment = JsonNode.Parse(record.BodyJson)!;
        Assert.Equal(Supplier, (string)shipment["from"]!["participant"]!);
        Assert.Equal(Issuer, (string)shipment["to"]!["participant"]!);
        Assert.Equal("200", (string)shipment["quantity"]!["amount"]!);
        Assert.Equal("KGM", (string)shipment["quantity"]!["unit"]!);
    }

    [EpcisFact]
    public void A_malformed_event_is_refused_naming_its_index_and_json_path()
    {
        var document = JsonNode.Parse(File.ReadAllText(EpcisExamples.Path("Example_9.6.1-ObjectEvent.jsonld")))!;
        document["epcisBody"]!["eventList"]![1]!["epcList"]![0] = 42;

        var ex = Assert.Throws<InvalidFieldException>(() => Importer().Convert(document.ToJsonString(), Options_()));

        Assert.Equal("document_json.epcisBody.eventList[1].epcList[0]", ex.Field);
        Assert.StartsWith("event 1: not valid against the EPCIS 2.0 JSON Schema", ex.Reason);
    }

    [EpcisFact]
    public void An_event_without_its_required_type_member_is_refused_naming_the_event()
    {
        var document = JsonNode.Parse(File.ReadAllText(EpcisExamples.Path("Example_9.6.4-TransformationEvent.jsonld")))!;
        document["epcisBody"]!["eventList"]![0]!.AsObject().Remove("eventTime");

        var ex = Assert.Throws<InvalidFieldException>(() => Importer().Convert(document.ToJsonString(), Options_()));

        Assert.StartsWith("document_json.epcisBody.eventList[0]", ex.Field);
        Assert.StartsWith("event 0: ", ex.Reason);
    }

    [EpcisFact]
    public void A_unit_Trace_does_not_support_leaves_the_event_not_converted_naming_the_uom()
    {
        var document = JsonNode.Parse(File.ReadAllText(EpcisExamples.Path("Example_9.6.2-ObjectEvent.jsonld")))!;
        document["epcisBody"]!["eventList"]![0]!["quantityList"]![0]!["uom"] = "CEL";

        var conversion = Importer().Convert(document.ToJsonString(), Options_());

        var outcome = Assert.Single(conversion.Events);
        Assert.Equal(EpcisEventDisposition.NotConverted, outcome.Disposition);
        Assert.Contains(outcome.Notes, n => n.StartsWith("epcisBody.eventList[0].quantityList[0].uom: ", StringComparison.Ordinal));
        Assert.Empty(conversion.Records);
    }

    [EpcisFact]
    public void A_corrective_event_supersedes_the_record_of_the_event_its_error_declaration_names()
    {
        const string erroneous = "urn:uuid:6a1e4b9e-0000-4000-8000-000000000001";
        const string corrective = "urn:uuid:6a1e4b9e-0000-4000-8000-000000000002";
        const string oldRecord = "0x1111111111111111111111111111111111111111111111111111111111111111";
        var document = JsonNode.Parse(File.ReadAllText(EpcisExamples.Path("Example_9.6.2-ObjectEvent.jsonld")))!;
        var events = document["epcisBody"]!["eventList"]!.AsArray();
        var declaration = events[0]!.DeepClone();
        declaration["eventID"] = erroneous;
        declaration["errorDeclaration"] = new JsonObject { ["declarationTime"] = "2013-06-09T10:00:00Z", ["reason"] = "incorrect_data", ["correctiveEventIDs"] = new JsonArray(corrective) };
        var correction = events[0]!.DeepClone();
        correction["eventID"] = corrective;
        correction["quantityList"]![0]!["quantity"] = 180;
        events.Clear();
        events.Add(declaration);
        events.Add(correction);

        var conversion = Importer().Convert(document.ToJsonString(), Options_() with { KnownEventRecords = new Dictionary<string, string> { [erroneous] = oldRecord } });

        Assert.Equal([EpcisEventDisposition.ErrorDeclaration, EpcisEventDisposition.Converted], conversion.Events.Select(e => e.Disposition));
        var record = JsonNode.Parse(Assert.Single(conversion.Records).BodyJson)!;
        Assert.Equal(oldRecord, (string)record["supersedes"]!);
        Assert.Equal("180", (string)record["quantity"]!["amount"]!);
    }

    [Fact]
    public void Without_a_configured_schema_the_importer_says_it_is_unavailable()
    {
        var importer = new EpcisImporter(new EpcisSchema(Options.Create(new EpcisOptions())));
        Assert.False(importer.IsAvailable);
    }
}
