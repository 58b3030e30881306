using System.Text;
using Grpc.Core;
using Trace.Api.Tests.Evidence;
using Trace.Api.Tests.Support;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Carbon;

/// <summary>EmissionFactorService over gRPC on the shared embedded node: the shipped set, anchored as a record.</summary>
[Collection(EvidenceNodeCollection.Name)]
public sealed class EmissionFactorTests(EvidenceNodeFixture node)
{
    private const string ShippedVersion = "trace-transport-factors-2026.1";

    private EmissionFactorService.EmissionFactorServiceClient Factors => new(node.Api.Channel);

    [Fact]
    public async Task The_active_set_is_the_shipped_one_with_a_row_per_mode_each_cited_or_an_assumption()
    {
        var set = await Factors.GetTransportFactorsAsync(new GetTransportFactorsRequest());

        Assert.Equal(ShippedVersion, set.Version);
        Assert.True(set.Active);
        Assert.Equal([TransportMode.Road, TransportMode.Rail, TransportMode.Sea, TransportMode.InlandWaterway, TransportMode.Air], set.Rows.Select(r => r.Mode));
        Assert.All(set.Rows, row =>
        {
            Assert.Matches(@"^(0|[1-9][0-9]*)(\.[0-9]+)?$", row.KgCo2EPerTonneKm);
            Assert.NotEmpty(row.Source);
            Assert.True(row.Assumption ? row.Note.Length > 0 : row.Table.Length > 0 && row.Year > 1900, $"{row.Mode}: neither cited nor a stated assumption");
        });
        Assert.Equal("0.098", set.Rows.Single(r => r.Mode == TransportMode.Sea).KgCo2EPerTonneKm);
    }

    [Fact]
    public async Task The_active_set_is_anchored_as_a_record_that_resolves_and_reaches_anchored()
    {
        var set = await WaitForRecordAsync(Factors, TimeSpan.FromSeconds(90));

        var record = (await node.Evidence.GetRecordAsync(new GetRecordRequest { RecordId = set.RecordId })).Record;
        Assert.Equal(RecordKind.Other, record.SignedClaim.Claim.Kind);
        Assert.Equal("urn:trace:transport-factor-set:" + ShippedVersion, record.SubjectId);
        Assert.Equal("application/json", record.MediaType);
        var content = await DownloadAsync(set.RecordId);
        Assert.Contains("\"recordType\":\"trace.transport-factor-set/v1\"", content, StringComparison.Ordinal);
        Assert.Contains("\"kgCO2ePerTonneKm\":\"0.098\"", content, StringComparison.Ordinal);

        await node.Evidence.WaitForStatusAsync(set.RecordId, RecordStatus.Anchored);
        var anchored = await Factors.GetTransportFactorsAsync(new GetTransportFactorsRequest { Version = ShippedVersion });
        Assert.Contains(anchored.Anchoring, new[] { FactorSetAnchoring.Anchored, FactorSetAnchoring.Confirmed });
        Assert.Contains(anchored.RecordStatus, new[] { RecordStatus.Anchored, RecordStatus.Confirmed });
        Assert.Empty(anchored.NotAnchoredReason);
    }

    [Fact]
    public async Task The_list_names_the_active_version()
    {
        var list = await Factors.ListTransportFactorSetsAsync(new ListTransportFactorSetsRequest());

        var active = Assert.Single(list.Sets, s => s.Active);
        Assert.Equal(ShippedVersion, active.Version);
        Assert.NotNull(active.FirstActivatedAt);
    }

    [Fact]
    public async Task An_unknown_version_is_not_found_and_a_malformed_one_invalid()
    {
        var unknown = await EvidenceClientExtensions.ExpectErrorAsync(() => Factors.GetTransportFactorsAsync(new GetTransportFactorsRequest { Version = "acme-1999.1" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.StartsWith("version:", unknown.Status.Detail, StringComparison.Ordinal);

        var malformed = await EvidenceClientExtensions.ExpectErrorAsync(() => Factors.GetTransportFactorsAsync(new GetTransportFactorsRequest { Version = "../etc/passwd" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
        Assert.StartsWith("version:", malformed.Status.Detail, StringComparison.Ordinal);

        var tooLong = await EvidenceClientExtensions.ExpectErrorAsync(() => Factors.GetTransportFactorsAsync(new GetTransportFactorsRequest { Version = new string('v', 65) }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, tooLong.StatusCode);
    }

    /// <summary>Polls until the active set (or <paramref name="version"/>) carries a record id.</summary>
    internal static async Task<GetTransportFactorsResponse> WaitForRecordAsync(EmissionFactorService.EmissionFactorServiceClient factors, TimeSpan timeout, string version = "")
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var set = await factors.GetTransportFactorsAsync(new GetTransportFactorsRequest { Version = version });
            if (set.RecordId.Length > 0) return set;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"factor set {set.Version} has no record: {set.Anchoring} {set.NotAnchoredReason}");
            await Task.Delay(250);
        }
    }

    private async Task<string> DownloadAsync(string recordId)
    {
        using var call = node.Evidence.DownloadContent(new DownloadContentRequest { RecordId = recordId });
        var bytes = new List<byte>();
        await foreach (var message in call.ResponseStream.ReadAllAsync())
            if (message.PartCase == DownloadContentResponse.PartOneofCase.Chunk) bytes.AddRange(message.Chunk.ToByteArray());
        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
