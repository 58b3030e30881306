using System.Text.Json.Nodes;
using Grpc.Core;
using Trace.Api.Tests.Support;
using Trace.Chain.Contracts.Registries;
using Trace.Client.Claims;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Evidence;

/// <summary>
/// Structured lineage records over gRPC: valid records of each kind are accepted; a record that fails its schema or a
/// single-record check is refused with INVALID_ARGUMENT naming the record kind and the field path, and nothing is stored.
/// </summary>
[Collection(EvidenceNodeCollection.Name)]
public sealed class LineageRecordIntakeTests(EvidenceNodeFixture node) : IAsyncLifetime
{
    private ClaimSigner _supplier = null!;

    public async Task InitializeAsync()
    {
        _supplier = node.NewSigner();
        await node.RegisterAsync(_supplier.Address, ParticipantRoles.Supplier | ParticipantRoles.Carrier);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Valid_records_of_every_lineage_kind_are_accepted()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var ore = $"urn:epc:class:lgtin:0614141.112345.ORE-{run}";
        var pig = $"https://id.gs1.org/01/09506000134352/10/PIG-{run}";
        var records = new (string Subject, RecordKind Kind, JsonObject Body)[]
        {
            (ore, RecordKind.Batch, LineageBodies.BatchObject(ore, "Iron ore", "1000", "TNE")),
            (ore, RecordKind.ProductCarbonFootprint, LineageBodies.FootprintDeclaration(ore, "0.05")),
            (pig, RecordKind.Batch, LineageBodies.BatchObject(pig, "Pig iron", "500", "TNE")),
            ($"urn:trace:transformation:{run}", RecordKind.Transformation, LineageBodies.Transformation($"urn:trace:transformation:{run}", ore, "800", pig, "500")),
            ($"urn:epc:id:sscc:0614141.{run}", RecordKind.Shipment, LineageBodies.Shipment($"urn:epc:id:sscc:0614141.{run}", pig, "100", _supplier.Address.ToString(), node.NewSigner().Address.ToString())),
        };
        foreach (var (subject, kind, body) in records)
        {
            var response = await node.Evidence.SubmitRecordAsync(_supplier.StructuredRecord(subject, kind, body.ToJsonString()));
            Assert.True(response.Created, $"{kind} {subject}");
            Assert.Equal(subject, response.Record.SubjectId);
        }
    }

    public static TheoryData<string, string, string> BadBatches => new()
    {
        // what, path to change, new value (JSON) → the field named
        { "bad GTIN check digit", "batchId", "\"https://id.gs1.org/01/09506000134351/10/L1\"" },
        { "unknown unit", "quantity.unit", "\"BANANA\"" },
        { "zero quantity", "quantity.amount", "\"0\"" },
        { "negative quantity", "quantity.amount", "\"-5\"" },
        { "not a gs1 uri", "batchId", "\"not a gs1 uri\"" },
    };

    [Theory]
    [MemberData(nameof(BadBatches))]
    public async Task Bad_batch_record_is_refused_naming_the_field_and_nothing_is_stored(string what, string path, string valueJson)
    {
        var body = LineageBodies.BatchObject($"urn:trace:batch:bad:{Guid.NewGuid():N}", what);
        Set(body, path, JsonNode.Parse(valueJson));
        var subject = body["batchId"]!.GetValue<string>();
        var request = _supplier.StructuredRecord(subject, RecordKind.Batch, body.ToJsonString());

        var error = await RefusedAndNotStoredAsync(request);

        Assert.StartsWith($"record_json.{path}: batch record:", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_gtin_check_digit_names_the_expected_digit()
    {
        var body = LineageBodies.BatchObject($"urn:trace:batch:gtin:{Guid.NewGuid():N}");
        body["product"]!["gtin"] = "09506000134351";
        var request = _supplier.StructuredRecord(body["batchId"]!.GetValue<string>(), RecordKind.Batch, body.ToJsonString());
        var error = await RefusedAndNotStoredAsync(request);
        Assert.Equal("record_json.product.gtin: batch record: GTIN 09506000134351 has check digit 1, expected 2", error.Status.Detail);
    }

    [Fact]
    public async Task Subject_id_other_than_the_batch_id_is_refused_naming_subject_id()
    {
        var body = LineageBodies.BatchObject($"urn:trace:batch:one:{Guid.NewGuid():N}");
        var request = _supplier.StructuredRecord($"urn:trace:batch:other:{Guid.NewGuid():N}", RecordKind.Batch, body.ToJsonString());
        var error = await RefusedAndNotStoredAsync(request);
        Assert.StartsWith("subject_id: batch record:", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_issues_footprint_record_with_a_banana_figure_is_refused()
    {
        // As the issue tried it: a bare PACT-ish object of kind 7.
        var bare = _supplier.StructuredRecord("urn:trace:pcf:banana", RecordKind.ProductCarbonFootprint, "{\"pCfExcludingBiogenic\":\"-999 banana\"}");
        var error = await RefusedAndNotStoredAsync(bare);
        Assert.StartsWith("record_json", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("footprint declaration:", error.Status.Detail, StringComparison.Ordinal);

        // The same figure in an otherwise valid declaration: the figure itself is named.
        var batchId = $"urn:trace:batch:pcf:{Guid.NewGuid():N}";
        var body = LineageBodies.FootprintDeclaration(batchId, "-999 banana");
        error = await RefusedAndNotStoredAsync(_supplier.StructuredRecord(batchId, RecordKind.ProductCarbonFootprint, body.ToJsonString()));
        Assert.StartsWith("record_json.pcf.pCfExcludingBiogenic: footprint declaration: \"-999 banana\" is not a decimal", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transformation_and_shipment_refusals_name_nested_paths()
    {
        var t = LineageBodies.Transformation($"urn:trace:t:{Guid.NewGuid():N}", "urn:trace:batch:in", "0", "urn:trace:batch:out", "5");
        var error = await RefusedAndNotStoredAsync(_supplier.StructuredRecord(t["transformationId"]!.GetValue<string>(), RecordKind.Transformation, t.ToJsonString()));
        Assert.StartsWith("record_json.inputs[0].quantity.amount: transformation record:", error.Status.Detail, StringComparison.Ordinal);

        var s = LineageBodies.Shipment($"urn:trace:s:{Guid.NewGuid():N}", "urn:trace:batch:in", "1", _supplier.Address.ToString(), "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        error = await RefusedAndNotStoredAsync(_supplier.StructuredRecord(s["shipmentId"]!.GetValue<string>(), RecordKind.Shipment, s.ToJsonString()));
        Assert.StartsWith("record_json.to.participant: shipment record:", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_refuses_a_bad_lineage_record_and_goes_on()
    {
        var good = LineageBodies.BatchObject($"urn:trace:batch:stream:{Guid.NewGuid():N}");
        var bad = LineageBodies.BatchObject($"urn:trace:batch:stream:{Guid.NewGuid():N}", unit: "BANANA");
        using var call = node.Evidence.SubmitRecords();
        await call.RequestStream.WriteAsync(_supplier.StructuredRecord(bad["batchId"]!.GetValue<string>(), RecordKind.Batch, bad.ToJsonString()));
        await call.RequestStream.WriteAsync(_supplier.StructuredRecord(good["batchId"]!.GetValue<string>(), RecordKind.Batch, good.ToJsonString()));
        await call.RequestStream.CompleteAsync();
        var answers = new List<SubmitRecordsResponse>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None)) answers.Add(call.ResponseStream.Current);
        Assert.Equal(2, answers.Count);
        Assert.Equal(SubmitRecordsResponse.ResultOneofCase.Refused, answers[0].ResultCase);
        Assert.Equal((int)StatusCode.InvalidArgument, answers[0].Refused.Code);
        Assert.StartsWith("record_json.quantity.unit: batch record: unknown unit", answers[0].Refused.Message, StringComparison.Ordinal);
        Assert.Equal(SubmitRecordsResponse.ResultOneofCase.Accepted, answers[1].ResultCase);
    }

    private async Task<RpcException> RefusedAndNotStoredAsync(SubmitRecordRequest request)
    {
        var error = await EvidenceClientExtensions.ExpectErrorAsync(() => node.Evidence.SubmitRecordAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var missing = await EvidenceClientExtensions.ExpectErrorAsync(() =>
            node.Evidence.GetRecordAsync(new GetRecordRequest { RecordId = _supplier.RecordIdOf(request.SignedClaim) }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.False(StoredContent.Holds(node, request.SignedClaim.Claim.ContentHash.ToByteArray()), "the refused record's content was stored");
        return error;
    }

    private static void Set(JsonObject body, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        JsonNode target = body;
        foreach (var part in parts[..^1]) target = target[part]!;
        target[parts[^1]] = value;
    }
}
