using System.Text.Json;
using System.Text.Json.Nodes;
using Trace.Client.Standards.Epcis;
using Trace.Client.Standards.Epcis.EventHash;
using Trace.Protos.V1;

namespace Trace.Client.Tests.Standards;

/// <summary>
/// The client library's EPCIS converter on a supply chain written for this test (no GS1 files needed, so it runs in a
/// clean clone): a mill commissions ore, ships it, the receipt confirms the shipment, the ore is smelted; an aggregation
/// is skipped; an unsupported unit leaves its event not converted.
/// </summary>
public sealed class EpcisConverterTests
{
    private const string Mine = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    private const string Smelter = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";
    private const string Ore = "urn:epc:class:lgtin:0614141.112345.ORE-2610";
    private const string Pig = "urn:epc:class:lgtin:0614141.112352.PIG-2611";

    private static JsonElement Document(params string[] events) => JsonDocument.Parse($$"""
        { "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", {"ex": "https://example.org/ex/"}],
          "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-11-03T00:00:00Z",
          "epcisBody": { "eventList": [ {{string.Join(",", events)}} ] } }
        """).RootElement;

    private const string Commissioning = """
        { "type": "ObjectEvent", "eventID": "urn:uuid:00000000-0000-4000-8000-000000000001", "eventTime": "2026-10-31T23:59:59Z",
          "eventTimeZoneOffset": "+00:00", "action": "ADD", "bizStep": "urn:epcglobal:cbv:bizstep:commissioning",
          "quantityList": [{"epcClass": "urn:epc:class:lgtin:0614141.112345.ORE-2610", "quantity": 2000, "uom": "TNE"}],
          "bizLocation": {"id": "urn:epc:id:sgln:0614141.00001.0"}, "ex:shift": "night" }
        """;

    private const string Shipping = """
        { "type": "ObjectEvent", "eventID": "urn:uuid:00000000-0000-4000-8000-000000000002", "eventTime": "2026-11-01T08:00:00Z",
          "eventTimeZoneOffset": "+00:00", "action": "OBSERVE", "bizStep": "https://ref.gs1.org/cbv/BizStep-shipping",
          "quantityList": [{"epcClass": "urn:epc:class:lgtin:0614141.112345.ORE-2610", "quantity": 1600.5, "uom": "TNE"}],
          "destinationList": [{"type": "owning_party", "destination": "urn:epc:id:pgln:0614141.00002"}],
          "bizTransactionList": [{"type": "desadv", "bizTransaction": "urn:epcglobal:cbv:bt:0614141000012:77"}] }
        """;

    private const string Receiving = """
        { "type": "ObjectEvent", "eventID": "urn:uuid:00000000-0000-4000-8000-000000000003", "eventTime": "2026-11-02T08:00:00Z",
          "eventTimeZoneOffset": "+00:00", "action": "OBSERVE", "bizStep": "receiving",
          "quantityList": [{"epcClass": "urn:epc:class:lgtin:0614141.112345.ORE-2610", "quantity": 1600.5, "uom": "TNE"}],
          "bizTransactionList": [{"type": "desadv", "bizTransaction": "urn:epcglobal:cbv:bt:0614141000012:77"}] }
        """;

    private const string Smelting = """
        { "type": "TransformationEvent", "eventID": "urn:uuid:00000000-0000-4000-8000-000000000004", "eventTime": "2026-11-02T10:00:00Z",
          "eventTimeZoneOffset": "+00:00", "transformationID": "urn:trace:transformation:smelter-7:2026-11-02",
          "inputQuantityList": [{"epcClass": "urn:epc:class:lgtin:0614141.112345.ORE-2610", "quantity": 1600.5, "uom": "TNE"}],
          "outputQuantityList": [{"epcClass": "urn:epc:class:lgtin:0614141.112352.PIG-2611", "quantity": 1000000, "uom": "KGM"}] }
        """;

    private const string Packing = """
        { "type": "AggregationEvent", "eventTime": "2026-11-02T11:00:00Z", "eventTimeZoneOffset": "+00:00", "action": "ADD",
          "parentID": "urn:epc:id:sscc:0614141.1234567890", "childEPCs": ["urn:epc:id:sgtin:0614141.107346.2017"] }
        """;

    [Fact]
    public void A_commissioning_event_becomes_a_batch_with_its_quantity_gln_period_and_the_whole_event_kept()
    {
        var conversion = EpcisConverter.Convert(Document(Commissioning), new EpcisConversionOptions { Issuer = Mine });

        var record = Assert.Single(conversion.Records);
        Assert.Equal((RecordKind.Batch, Ore), (record.Kind, record.SubjectId));
        var body = JsonNode.Parse(record.BodyJson)!;
        Assert.Equal("trace.batch/v1", (string)body["recordType"]!);
        Assert.Null(body["salt"]);
        Assert.Equal("2000", (string)body["quantity"]!["amount"]!);
        Assert.Equal("TNE", (string)body["quantity"]!["unit"]!);
        Assert.Equal("10614141123459", (string)body["product"]!["gtin"]!);
        // SGLN 0614141.00001.0: GLN 061414100001 + check digit 2 (weights 3,1,3,… from the right: sum 48).
        Assert.Equal("0614141000012", (string)body["facility"]!["gln"]!);
        Assert.Equal("2026-10-31T23:59:59Z", (string)body["productionPeriod"]!["end"]!);
        Assert.Equal("night", (string)body["extensions"]!["epcis"]!["event"]!["ex:shift"]!);
        var epcis = body["extensions"]!["epcis"]!;
        Assert.Equal(record.EventHash, (string)epcis["eventHash"]!);
        Assert.Matches("^ni:///sha-256;[0-9a-f]{64}\\?ver=CBV2\\.0$", record.EventHash);
        Assert.Equal("gs1-cbv2.0-event-hash", (string)epcis["eventHashAlgorithm"]!);
        var source = Document(Commissioning);
        Assert.Equal(EpcisEventHashId.Of(source.GetProperty("epcisBody").GetProperty("eventList")[0], EpcisJsonLdContext.Of(source)), record.EventHash);
        // Its eventID is a UUID, not the hash: reconciliation says so.
        Assert.False((bool)epcis["eventIdMatchesHash"]!);
        Assert.False(Assert.Single(conversion.Events).EventIdMatchesHash);
        Assert.Matches("^0x[0-9a-f]{64}$", (string)epcis["canonicalJsonHash"]!);
        Assert.Equal("sha-256/rfc8785", (string)epcis["canonicalJsonHashAlgorithm"]!);
    }

    [Fact]
    public void An_event_whose_event_id_is_its_gs1_hash_is_reconciled_and_an_event_without_id_has_no_flag()
    {
        var probe = Document(Commissioning);
        var hash = EpcisEventHashId.Of(probe.GetProperty("epcisBody").GetProperty("eventList")[0], EpcisJsonLdContext.Of(probe));
        var withHashId = Commissioning.Replace("urn:uuid:00000000-0000-4000-8000-000000000001", hash, StringComparison.Ordinal);
        var withoutId = Commissioning.Replace("\"eventID\": \"urn:uuid:00000000-0000-4000-8000-000000000001\",", "", StringComparison.Ordinal);

        var matched = EpcisConverter.Convert(Document(withHashId), new EpcisConversionOptions { Issuer = Mine });
        var anonymous = EpcisConverter.Convert(Document(withoutId), new EpcisConversionOptions { Issuer = Mine });

        var epcis = JsonNode.Parse(Assert.Single(matched.Records).BodyJson)!["extensions"]!["epcis"]!;
        Assert.Equal(hash, (string)epcis["eventHash"]!);
        Assert.True((bool)epcis["eventIdMatchesHash"]!);
        Assert.True(Assert.Single(matched.Events).EventIdMatchesHash);
        // eventID is not part of the hash: the event without one has the same hash and no reconciliation flag.
        var bare = JsonNode.Parse(Assert.Single(anonymous.Records).BodyJson)!["extensions"]!["epcis"]!;
        Assert.Equal(hash, (string)bare["eventHash"]!);
        Assert.Null(bare["eventIdMatchesHash"]);
        Assert.Null(Assert.Single(anonymous.Events).EventIdMatchesHash);
    }

    [Fact]
    public void Reordered_members_give_the_same_hash_and_subject_ids()
    {
        var options = new EpcisConversionOptions { Issuer = Mine, Parties = new Dictionary<string, string> { ["urn:epc:id:pgln:0614141.00002"] = Smelter } };
        var reordered = """
            { "bizTransactionList": [{"bizTransaction": "urn:epcglobal:cbv:bt:0614141000012:77", "type": "urn:epcglobal:cbv:btt:desadv"}],
              "destinationList": [{"destination": "https://id.gs1.org/417/0614141000029", "type": "owning_party"}],
              "quantityList": [{"uom": "TNE", "quantity": 1600.50, "epcClass": "urn:epc:class:lgtin:0614141.112345.ORE-2610"}],
              "bizStep": "shipping", "action": "OBSERVE", "eventTimeZoneOffset": "+00:00", "eventTime": "2026-11-01T09:00:00.000+01:00",
              "eventID": "urn:uuid:00000000-0000-4000-8000-000000000002", "type": "ObjectEvent" }
            """;

        var first = EpcisConverter.Convert(Document(Shipping), options);
        var second = EpcisConverter.Convert(Document(reordered), options);

        Assert.Equal(Assert.Single(first.Events).EventHash, Assert.Single(second.Events).EventHash);
        Assert.Equal(Assert.Single(first.Records).SubjectId, Assert.Single(second.Records).SubjectId);
    }

    [Fact]
    public void A_shipping_event_becomes_a_shipment_to_the_mapped_party_and_the_matching_receipt_only_confirms_it()
    {
        var options = new EpcisConversionOptions { Issuer = Mine, Parties = new Dictionary<string, string> { ["urn:epc:id:pgln:0614141.00002"] = Smelter.ToLowerInvariant() } };

        var conversion = EpcisConverter.Convert(Document(Shipping, Receiving), options);

        Assert.Equal([EpcisEventDisposition.Converted, EpcisEventDisposition.ConfirmsShipment], conversion.Events.Select(e => e.Disposition));
        var shipment = JsonNode.Parse(Assert.Single(conversion.Records).BodyJson)!;
        Assert.Equal(Mine, (string)shipment["from"]!["participant"]!);
        Assert.Equal(Smelter, (string)shipment["to"]!["participant"]!); // EIP-55 checksummed
        Assert.Equal("1600.5", (string)shipment["quantity"]!["amount"]!);
        Assert.StartsWith("urn:trace:epcis:shipment:", (string)shipment["shipmentId"]!);
    }

    [Fact]
    public void A_shipping_event_whose_receiver_is_unknown_is_not_converted_and_says_which_list_to_map()
    {
        var conversion = EpcisConverter.Convert(Document(Shipping), new EpcisConversionOptions { Issuer = Mine });

        var outcome = Assert.Single(conversion.Events);
        Assert.Equal(EpcisEventDisposition.NotConverted, outcome.Disposition);
        Assert.Contains(outcome.Notes, n => n.StartsWith("epcisBody.eventList[0].destinationList: ", StringComparison.Ordinal));
        Assert.Empty(conversion.Records);
    }

    [Fact]
    public void A_transformation_received_by_shipment_draws_from_it_and_allocates_by_mass()
    {
        var options = new EpcisConversionOptions
        {
            Issuer = Smelter,
            Counterparty = Mine,
            RecordOverrides = new Dictionary<string, string>
            {
                ["urn:trace:transformation:smelter-7:2026-11-02"] = """{"emissions":{"scope1":{"kgCO2e":"300000","method":"measured"}}}""",
            },
        };

        // The smelter's own repository: the receipt (no shipping event here) becomes the shipment from the mine.
        var conversion = EpcisConverter.Convert(Document(Receiving.Replace("\"bizTransactionList\"", "\"ex:note\": \"x\", \"ex:list\"", StringComparison.Ordinal), Smelting), options);

        Assert.Equal([RecordKind.Shipment, RecordKind.Batch, RecordKind.Transformation], conversion.Records.Select(r => r.Kind));
        var shipmentId = conversion.Records[0].SubjectId;
        var transformation = JsonNode.Parse(conversion.Records[2].BodyJson)!;
        Assert.Equal("urn:trace:transformation:smelter-7:2026-11-02", conversion.Records[2].SubjectId);
        Assert.Equal(shipmentId, (string)transformation["inputs"]![0]!["shipmentId"]!);
        Assert.Equal("mass", (string)transformation["allocation"]!);
        Assert.Equal("300000", (string)transformation["emissions"]!["scope1"]!["kgCO2e"]!);
        Assert.Equal(Pig, (string)transformation["outputs"]![0]!["batchId"]!);
    }

    [Fact]
    public void Aggregation_is_skipped_and_an_unsupported_unit_leaves_only_its_event_unconverted()
    {
        var badUnit = Commissioning.Replace("\"uom\": \"TNE\"", "\"uom\": \"CEL\"", StringComparison.Ordinal);

        var conversion = EpcisConverter.Convert(Document(Packing, badUnit), new EpcisConversionOptions { Issuer = Mine });

        Assert.Equal([EpcisEventDisposition.Skipped, EpcisEventDisposition.NotConverted], conversion.Events.Select(e => e.Disposition));
        Assert.Contains(conversion.Events[1].Notes, n => n.StartsWith("epcisBody.eventList[1].quantityList[0].uom: ", StringComparison.Ordinal));
        Assert.Empty(conversion.Records);
    }

    [Fact]
    public void An_override_for_a_subject_no_event_produced_is_refused_naming_it()
    {
        var options = new EpcisConversionOptions { Issuer = Mine, RecordOverrides = new Dictionary<string, string> { ["urn:x:nothing"] = "{}" } };

        var ex = Assert.Throws<EpcisConversionException>(() => EpcisConverter.Convert(Document(Commissioning), options));

        Assert.Equal("record_overrides[urn:x:nothing]", ex.Path);
    }

    [Fact]
    public void A_malformed_issuer_is_refused_naming_the_option()
    {
        var ex = Assert.Throws<EpcisConversionException>(() => EpcisConverter.Convert(Document(Commissioning), new EpcisConversionOptions { Issuer = "0x123" }));
        Assert.Equal("issuer", ex.Path);
    }
}
