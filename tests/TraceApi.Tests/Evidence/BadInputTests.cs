using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Trace.Api.Tests.Support;
using Trace.Chain.Contracts.Registries;
using Trace.Client.Claims;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Evidence;

/// <summary>Bad input gets the right status and a message naming the field, and leaves nothing behind.</summary>
[Collection(EvidenceNodeCollection.Name)]
public sealed class BadInputTests(EvidenceNodeFixture node) : IAsyncLifetime
{
    private ClaimSigner _supplier = null!;

    public async Task InitializeAsync()
    {
        _supplier = node.NewSigner();
        await node.RegisterAsync(_supplier.Address, ParticipantRoles.Supplier);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Bytes_that_do_not_match_the_claimed_hash_are_refused_and_nothing_is_stored()
    {
        var content = Encoding.UTF8.GetBytes("customs environmental certificate CEC-1");
        var signed = _supplier.Sign(SHA256.HashData(Encoding.UTF8.GetBytes("something else")), RecordKind.CustomsEnvironmentalCertificate, "urn:trace:cec:1");
        var before = BlobSnapshot();
        var error = await Refused(() => node.Evidence.UploadAsync(Header(signed, "urn:trace:cec:1"), content));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("content_hash", error.Status.Detail);
        await AssertNotStoredAsync(signed, before);
    }

    [Fact]
    public async Task A_signature_by_another_key_is_refused_as_permission_denied()
    {
        var content = Encoding.UTF8.GetBytes("footprint declaration " + Guid.NewGuid());
        var forger = node.NewSigner();
        var signed = forger.Sign(SHA256.HashData(content), RecordKind.ProductCarbonFootprint, "urn:trace:pcf:1");
        signed.Claim.Issuer = _supplier.Address.ToString(); // claims to be the registered supplier
        var error = await Refused(() => node.Evidence.UploadAsync(Header(signed, "urn:trace:pcf:1"), content));
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("signature", error.Status.Detail);
    }

    [Fact]
    public async Task A_malformed_signature_is_refused_naming_the_signature_field()
    {
        var content = Encoding.UTF8.GetBytes("energy reading " + Guid.NewGuid());
        var signed = _supplier.Sign(SHA256.HashData(content), RecordKind.EnergyReading, "urn:trace:meter:1");
        signed.Signature = ByteString.CopyFrom(signed.Signature.Span[..64]);
        var error = await Refused(() => node.Evidence.UploadAsync(Header(signed, "urn:trace:meter:1"), content));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("signed_claim.signature", error.Status.Detail);
    }

    [Fact]
    public async Task An_unregistered_issuer_is_refused()
    {
        var stranger = node.NewSigner();
        var content = Encoding.UTF8.GetBytes("unregistered " + Guid.NewGuid());
        var signed = stranger.Sign(SHA256.HashData(content), RecordKind.Other, "urn:trace:x");
        var error = await Refused(() => node.Evidence.UploadAsync(Header(signed, "urn:trace:x"), content));
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("unknown issuer", error.Status.Detail);
    }

    [Fact]
    public async Task A_suspended_issuer_is_refused()
    {
        var suspended = node.NewSigner();
        await node.RegisterAsync(suspended.Address, ParticipantRoles.Supplier);
        await node.SuspendAsync(suspended.Address);
        await Task.Delay(300); // the node caches standings for 200 ms in these tests
        var request = suspended.StructuredRecord("urn:trace:batch:S-1", RecordKind.Batch, LineageBodies.Batch("urn:trace:batch:S-1"));
        var error = await Refused(() => node.Evidence.SubmitRecordAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("suspended", error.Status.Detail);
    }

    [Fact]
    public async Task An_unknown_kind_is_refused_naming_the_kind_field()
    {
        var content = Encoding.UTF8.GetBytes("kind 99");
        var signed = _supplier.Sign(SHA256.HashData(content), (RecordKind)99, "urn:trace:k");
        var error = await Refused(() => node.Evidence.UploadAsync(Header(signed, "urn:trace:k"), content));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("signed_claim.claim.kind", error.Status.Detail);
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        var signed = _supplier.Sign(SHA256.HashData([]), RecordKind.Other, "urn:trace:empty");
        var error = await Refused(() => node.Evidence.UploadAsync(Header(signed, "urn:trace:empty"), []));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("empty", error.Status.Detail);
    }

    [Fact]
    public async Task An_upload_over_the_size_limit_is_refused_and_nothing_is_stored()
    {
        var content = RandomNumberGenerator.GetBytes(EvidenceNodeFixture.MaxBlobBytes + 1);
        var signed = _supplier.Sign(SHA256.HashData(content), RecordKind.EnvironmentalImpactReport, "urn:trace:big");
        var before = BlobSnapshot();
        var error = await Refused(() => node.Evidence.UploadAsync(Header(signed, "urn:trace:big"), content));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("limit", error.Status.Detail);
        await AssertNotStoredAsync(signed, before);
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_before_any_byte_is_read()
    {
        var signed = _supplier.Sign(new byte[32], RecordKind.Other, "urn:trace:declared");
        var header = Header(signed, "urn:trace:declared");
        header.ContentLength = EvidenceNodeFixture.MaxBlobBytes * 10UL;
        var error = await Refused(() => node.Evidence.UploadAsync(header, [1, 2, 3]));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("header.content_length", error.Status.Detail);
    }

    [Fact]
    public async Task A_stream_cut_mid_upload_stores_nothing()
    {
        var content = RandomNumberGenerator.GetBytes(200_000);
        var signed = _supplier.Sign(SHA256.HashData(content), RecordKind.SupplierEsgFile, "urn:trace:cut");
        var before = BlobSnapshot();
        using (var cts = new CancellationTokenSource())
        {
            using var call = node.Evidence.SubmitDocument(cancellationToken: cts.Token);
            await call.RequestStream.WriteAsync(new SubmitDocumentRequest { Header = Header(signed, "urn:trace:cut") });
            await call.RequestStream.WriteAsync(new SubmitDocumentRequest { Chunk = ByteString.CopyFrom(content, 0, 100_000) });
            await Task.Delay(200);
            cts.Cancel(); // the client goes away without completing the stream
            await Assert.ThrowsAnyAsync<Exception>(() => call.ResponseAsync);
        }
        await Task.Delay(500);
        await AssertNotStoredAsync(signed, before);
    }

    [Fact]
    public async Task Oversized_or_invalid_metadata_is_refused_naming_metadata_json()
    {
        var request = _supplier.StructuredRecord("urn:trace:meta", RecordKind.Batch, LineageBodies.Batch("urn:trace:meta"));
        request.MetadataJson = "{\"note\":\"" + new string('x', 20_000) + "\"}";
        var error = await Refused(() => node.Evidence.SubmitRecordAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("metadata_json", error.Status.Detail);

        request.MetadataJson = "{not json";
        error = await Refused(() => node.Evidence.SubmitRecordAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("metadata_json", error.Status.Detail);
    }

    // The proto says "a JSON object": valid JSON of any other kind is refused too, on every submit path.
    public static TheoryData<string> JsonThatIsNotAnObject => new() { "[1,2,3]", "42", "\"text\"", "null", "true" };

    [Theory]
    [MemberData(nameof(JsonThatIsNotAnObject))]
    public async Task SubmitRecord_refuses_metadata_that_is_json_but_not_an_object(string metadata)
    {
        var request = _supplier.StructuredRecord("urn:trace:meta:unary", RecordKind.Batch, LineageBodies.Batch("urn:trace:meta:unary"));
        request.MetadataJson = metadata;
        var before = BlobSnapshot();
        var error = await Refused(() => node.Evidence.SubmitRecordAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("metadata_json", error.Status.Detail);
        Assert.Contains("JSON object", error.Status.Detail);
        await AssertNotStoredAsync(request.SignedClaim, before);
    }

    [Theory]
    [MemberData(nameof(JsonThatIsNotAnObject))]
    public async Task SubmitRecords_refuses_each_record_whose_metadata_is_not_an_object_and_goes_on(string metadata)
    {
        // Batch ids are declared once per node: each case of the theory names its own batches.
        var run = Guid.NewGuid().ToString("N");
        var good = _supplier.StructuredRecord($"urn:trace:meta:{run}:1", RecordKind.Batch, LineageBodies.Batch($"urn:trace:meta:{run}:1"));
        good.MetadataJson = "{\"line\":1}";
        var bad = _supplier.StructuredRecord($"urn:trace:meta:{run}:2", RecordKind.Batch, LineageBodies.Batch($"urn:trace:meta:{run}:2"));
        bad.MetadataJson = metadata;
        var after = _supplier.StructuredRecord($"urn:trace:meta:{run}:3", RecordKind.Batch, LineageBodies.Batch($"urn:trace:meta:{run}:3"));
        var before = BlobSnapshot();

        using var call = node.Evidence.SubmitRecords();
        foreach (var request in new[] { good, bad, after }) await call.RequestStream.WriteAsync(request);
        await call.RequestStream.CompleteAsync();
        var answers = new List<SubmitRecordsResponse>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None)) answers.Add(call.ResponseStream.Current);

        Assert.Equal([0UL, 1UL, 2UL], answers.Select(a => a.Index));
        Assert.Equal(SubmitRecordsResponse.ResultOneofCase.Accepted, answers[0].ResultCase);
        Assert.Equal(SubmitRecordsResponse.ResultOneofCase.Refused, answers[1].ResultCase);
        Assert.Equal((int)StatusCode.InvalidArgument, answers[1].Refused.Code);
        Assert.StartsWith("metadata_json", answers[1].Refused.Message);
        Assert.Equal(SubmitRecordsResponse.ResultOneofCase.Accepted, answers[2].ResultCase);
        await AssertNotStoredAsync(bad.SignedClaim, before);
    }

    [Theory]
    [MemberData(nameof(JsonThatIsNotAnObject))]
    public async Task SubmitDocument_refuses_metadata_that_is_json_but_not_an_object(string metadata)
    {
        var content = Encoding.UTF8.GetBytes("site impact assessment " + Guid.NewGuid());
        var signed = _supplier.Sign(SHA256.HashData(content), RecordKind.EnvironmentalImpactReport, "urn:trace:meta:doc");
        var header = Header(signed, "urn:trace:meta:doc");
        header.MetadataJson = metadata;
        var before = BlobSnapshot();
        var error = await Refused(() => node.Evidence.UploadAsync(header, content));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("header.metadata_json", error.Status.Detail);
        Assert.Contains("JSON object", error.Status.Detail);
        await AssertNotStoredAsync(signed, before);
    }

    [Fact]
    public async Task A_structured_record_without_salt_or_with_a_wrong_hash_is_refused()
    {
        var request = _supplier.StructuredRecord("urn:trace:salt", RecordKind.Batch, LineageBodies.Batch("urn:trace:salt", name: "N"));
        request.RecordJson = LineageBodies.Batch("urn:trace:salt", name: "N");
        var error = await Refused(() => node.Evidence.SubmitRecordAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("record_json.salt", error.Status.Detail);

        request = _supplier.StructuredRecord("urn:trace:salt", RecordKind.Batch, LineageBodies.Batch("urn:trace:salt", name: "N"));
        request.RecordJson = request.RecordJson.Replace("\"N\"", "\"O\"");
        error = await Refused(() => node.Evidence.SubmitRecordAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("content_hash", error.Status.Detail);
    }

    [Fact]
    public async Task A_subject_id_that_does_not_hash_to_the_signed_subject_is_refused()
    {
        var request = _supplier.StructuredRecord("urn:trace:subject:A", RecordKind.Batch, LineageBodies.Batch("urn:trace:subject:A"));
        request.SubjectId = "urn:trace:subject:B";
        var error = await Refused(() => node.Evidence.SubmitRecordAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("signed_claim.claim.subject", error.Status.Detail);
    }

    [Fact]
    public async Task Unknown_and_malformed_record_ids_answer_not_found_and_invalid_argument()
    {
        var missing = await Refused(() => node.Evidence.GetRecordAsync(new GetRecordRequest { RecordId = "0x" + new string('a', 64) }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        var malformed = await Refused(() => node.Evidence.GetRecordAsync(new GetRecordRequest { RecordId = "0x1234" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
        Assert.Contains("record_id", malformed.Status.Detail);
        var badToken = await Refused(() => node.Evidence.ListRecordsAsync(new ListRecordsRequest { PageToken = "garbage" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, badToken.StatusCode);
        Assert.Contains("page_token", badToken.Status.Detail);
    }

    [Fact]
    public async Task A_pending_record_has_no_proof_bundle_yet()
    {
        // Submitted and asked for at once: the batch closes 300 ms later at the earliest.
        var request = _supplier.StructuredRecord("urn:trace:batch:P-1", RecordKind.Batch, LineageBodies.Batch("urn:trace:batch:P-1"));
        var id = (await node.Evidence.SubmitRecordAsync(request)).Record.Id;
        var error = await Refused(() => node.Evidence.GetProofBundleAsync(new GetProofBundleRequest { RecordId = id }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("PENDING", error.Status.Detail);
    }

    private static SubmitDocumentHeader Header(SignedClaim signed, string subject) =>
        new() { SignedClaim = signed, SubjectId = subject, MediaType = "application/octet-stream" };

    private static Task<RpcException> Refused(Func<Task> call) => EvidenceClientExtensions.ExpectErrorAsync(call);

    private string BlobRoot => Path.Combine(node.Api.DataDirectory, "blobs");

    // Content files and temp files; the small-blob database is checked by hash instead.
    private string[] BlobSnapshot() =>
        Directory.Exists(BlobRoot)
            ? Directory.GetFiles(BlobRoot, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith("small.db", StringComparison.Ordinal)).Order().ToArray()
            : [];

    private bool SmallBlobDatabaseHolds(byte[] contentHash)
    {
        var path = Path.Combine(BlobRoot, "small.db");
        if (!File.Exists(path)) return false;
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM blobs WHERE hash = $hash";
        command.Parameters.AddWithValue("$hash", contentHash);
        return (long)command.ExecuteScalar()! > 0;
    }

    private async Task AssertNotStoredAsync(SignedClaim signed, string[] blobsBefore)
    {
        var error = await Refused(() => node.Evidence.GetRecordAsync(new GetRecordRequest { RecordId = _supplier.RecordIdOf(signed) }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        // Other tests of the collection may add blobs meanwhile; none may be this content or a leftover temp file.
        var after = BlobSnapshot();
        var hash = Convert.ToHexStringLower(signed.Claim.ContentHash.Span);
        Assert.DoesNotContain(after, f => Path.GetFileName(f).Contains(hash, StringComparison.Ordinal));
        Assert.DoesNotContain(after.Except(blobsBefore), f => !IsCommittedBlob(f));
        Assert.False(SmallBlobDatabaseHolds(signed.Claim.ContentHash.ToByteArray()), "the refused content is in the small-blob database");
    }

    private static bool IsCommittedBlob(string path) =>
        Path.GetFileName(path) is { Length: 64 } name && name.All(Uri.IsHexDigit);
}
