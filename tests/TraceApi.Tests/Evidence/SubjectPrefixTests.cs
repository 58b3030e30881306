using System.Text;
using Grpc.Core;
using Trace.Api.Tests.Support;
using Trace.Chain.Contracts.Registries;
using Trace.Client.Claims;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Evidence;

/// <summary>ListRecords subject_prefix over gRPC: a product-level GS1 URI finds its lots' records, literally and case-sensitively.</summary>
[Collection(EvidenceNodeCollection.Name)]
public sealed class SubjectPrefixTests(EvidenceNodeFixture node) : IAsyncLifetime
{
    // A GTIN of its own (check digit valid), so records other tests of the collection submit do not mix in.
    private const string Product = "https://id.gs1.org/01/09506000134376";
    private ClaimSigner _supplier = null!;

    public async Task InitializeAsync()
    {
        _supplier = node.NewSigner();
        await node.RegisterAsync(_supplier.Address, ParticipantRoles.Supplier);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_product_uri_finds_the_records_of_its_lots_and_not_of_other_products()
    {
        var lot1 = await SubmitAsync($"{Product}/10/LOT1");
        var lot2 = await SubmitAsync($"{Product}/10/LOT2");
        var lot2Again = await SubmitAsync($"{Product}/10/LOT2");
        await SubmitAsync("https://id.gs1.org/01/09506000134383/10/LOT1");
        await SubmitAsync($"{Product.ToUpperInvariant()}/10/LOT3");

        var found = await ListAsync(Product);

        Assert.Equal(new[] { lot1, lot2, lot2Again }.Order(), found.Select(r => r.Id).Order());
        Assert.All(found, r => Assert.StartsWith(Product + "/", r.SubjectId, StringComparison.Ordinal));
        Assert.Equal(new[] { lot2, lot2Again }.Order(), (await ListAsync($"{Product}/10/LOT2")).Select(r => r.Id).Order());
        Assert.Empty(await ListAsync($"{Product}/10/lot")); // case-sensitive
    }

    [Fact]
    public async Task Like_wildcards_in_the_prefix_are_literal_characters()
    {
        var root = $"urn:trace:test:{Guid.NewGuid():N}:";
        var percent = await SubmitAsync(root + "a%b");
        await SubmitAsync(root + "axb");
        var underscore = await SubmitAsync(root + "a_b");
        await SubmitAsync(root + "ayb");

        Assert.Equal([percent], (await ListAsync(root + "a%")).Select(r => r.Id));
        Assert.Equal([underscore], (await ListAsync(root + "a_")).Select(r => r.Id));
        Assert.Equal(4, (await ListAsync(root)).Count);
    }

    [Fact]
    public async Task A_prefix_with_a_subject_or_too_long_is_refused_naming_subject_prefix()
    {
        var withSubject = await EvidenceClientExtensions.ExpectErrorAsync(() =>
            node.Evidence.ListRecordsAsync(new ListRecordsRequest { SubjectPrefix = Product, SubjectId = Product + "/10/LOT1" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, withSubject.StatusCode);
        Assert.StartsWith("subject_prefix:", withSubject.Status.Detail, StringComparison.Ordinal);

        var tooLong = await EvidenceClientExtensions.ExpectErrorAsync(() =>
            node.Evidence.ListRecordsAsync(new ListRecordsRequest { SubjectPrefix = "urn:" + new string('x', 600) }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, tooLong.StatusCode);
        Assert.StartsWith("subject_prefix:", tooLong.Status.Detail, StringComparison.Ordinal);
    }

    private async Task<string> SubmitAsync(string subject)
    {
        var content = Encoding.UTF8.GetBytes($"lot certificate {subject} {Guid.NewGuid()}");
        var header = _supplier.DocumentHeader(DocumentDigest.Of(content), RecordKind.Certification, subject, "text/plain");
        return (await node.Evidence.UploadAsync(header, content)).Record.Id;
    }

    private async Task<List<EvidenceRecord>> ListAsync(string prefix) =>
        [.. (await node.Evidence.ListRecordsAsync(new ListRecordsRequest { SubjectPrefix = prefix, PageSize = 500 })).Records];
}
