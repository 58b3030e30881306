using Trace.Api.Tests.Support;
using Trace.Chain.Contracts.Registries;
using Trace.Client;
using Trace.Client.Claims;
using Trace.Crypto;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Evidence;

/// <summary>The client library (Trace.Client) against a real node over gRPC: what a supplier's integration does.</summary>
[Collection(EvidenceNodeCollection.Name)]
public sealed class ClientLibraryTests(EvidenceNodeFixture node)
{
    [Fact]
    public async Task A_supplier_submits_a_record_a_file_and_a_stream_with_the_library_and_watches_them_confirm()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var client = await TraceClient.ConnectAsync(node.Api.GrpcAddress, cts.Token);
        using var key = EthereumKey.Generate();
        await node.RegisterAsync(key.Address, ParticipantRoles.Supplier);
        var signer = client.SignerFor(key);
        Assert.Equal(node.EvidenceRegistry, client.Registry);

        var record = (await client.SubmitRecordAsync(signer, "urn:trace:batch:LIB-1", RecordKind.Batch, LineageBodies.Batch("urn:trace:batch:LIB-1"), cts.Token)).Record;

        var path = Path.Combine(Path.GetTempPath(), $"trace-lib-{Guid.NewGuid():N}.pdf");
        var content = new byte[300_000];
        new Random(3).NextBytes(content);
        await File.WriteAllBytesAsync(path, content, cts.Token);
        SubmitDocumentResponse document;
        try
        {
            document = await client.SubmitDocumentAsync(signer, path, RecordKind.EnvironmentalImpactReport, "urn:trace:lca:LIB", "application/pdf", ct: cts.Token);
        }
        finally { File.Delete(path); }

        var drafts = Enumerable.Range(0, 50).Select(i => new RecordDraft($"urn:trace:meter:LIB-{i}", RecordKind.EnergyReading, $"{{\"kWh\":\"{i}.5\"}}")).ToArray();
        var answers = await client.SubmitRecordsAsync(signer.StructuredRecords(drafts), cts.Token).ToListAsync(cts.Token);

        Assert.True(document.Created);
        Assert.Equal((ulong)content.Length, document.Record.ContentLength);
        Assert.Equal("application/pdf", document.Record.MediaType);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (ulong)i), answers.Select(a => a.Index));
        Assert.All(answers, a => Assert.True(a.Accepted.Created));

        var confirmed = await client.WaitForStatusAsync(record.Id, RecordStatus.Confirmed, cts.Token);
        Assert.Equal(RecordStatus.Confirmed, confirmed.Status);
        var bundle = await client.GetProofBundleAsync(record.Id, cts.Token);
        Assert.Equal(record.Id, bundle.Bundle.RecordId);
        Assert.Equal(signer.RecordIdOf(bundle.Bundle.SignedClaim), record.Id);
        Assert.Contains(record.Id, bundle.BundleJson);
    }

    [Fact]
    public async Task Refusals_arrive_as_typed_errors_naming_the_field()
    {
        using var client = await TraceClient.ConnectAsync(node.Api.GrpcAddress);
        using var key = EthereumKey.Generate();
        using var strangerKey = EthereumKey.Generate();
        await node.RegisterAsync(key.Address, ParticipantRoles.Supplier);
        var signer = client.SignerFor(key);

        var tampered = signer.StructuredRecord("urn:trace:batch:T", RecordKind.Batch, LineageBodies.Batch("urn:trace:batch:T", amount: "1"));
        tampered.RecordJson = tampered.RecordJson.Replace("\"1\"", "\"2\"", StringComparison.Ordinal);
        var invalid = await Assert.ThrowsAsync<TraceInvalidInputException>(() => client.SubmitRecordAsync(tampered));
        Assert.Equal("signed_claim.claim.content_hash", invalid.Field);

        await Assert.ThrowsAsync<TraceIssuerNotPermittedException>(() =>
            client.SubmitRecordAsync(client.SignerFor(strangerKey), "urn:trace:batch:S", RecordKind.Batch, LineageBodies.Batch("urn:trace:batch:S")));
        await Assert.ThrowsAsync<TraceRecordNotFoundException>(() => client.GetRecordAsync("0x" + new string('a', 64)));

        var pending = (await client.SubmitRecordAsync(signer, "urn:trace:batch:P", RecordKind.Batch, LineageBodies.Batch("urn:trace:batch:P"))).Record;
        await Assert.ThrowsAsync<TraceRecordNotReadyException>(() => client.GetProofBundleAsync(pending.Id));
    }

    [Fact]
    public async Task Connecting_to_a_port_where_no_node_listens_is_a_node_unavailable_error()
    {
        var port = TraceApiProcess.FreePort();

        await Assert.ThrowsAsync<TraceNodeUnavailableException>(() => TraceClient.ConnectAsync(new Uri($"http://127.0.0.1:{port}")));
    }
}
