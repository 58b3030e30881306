using Grpc.Core;
using Trace.Api.Tests.Support;
using Trace.Chain.Contracts.Registries;
using Trace.Client.Claims;
using Trace.Protos.V1;
using static Trace.Api.Tests.Lineage.LineageJson;

namespace Trace.Api.Tests.Lineage;

/// <summary>
/// An organisation acts through any of its registered keys: a batch declared with one key is corrected, consumed and
/// shipped with another key of the same participant, while a key of another organisation is still refused.
/// </summary>
[Collection(EvidenceNodeCollection.Name)]
public sealed class LineageOrganisationKeysTests(EvidenceNodeFixture node)
{
    private LineageService.LineageServiceClient Lineage => new(node.Api.Channel);

    [Fact]
    public async Task A_second_key_of_the_producing_organisation_corrects_and_consumes_its_batch_and_another_organisation_cannot()
    {
        var run = Guid.NewGuid().ToString("N")[..10];
        var plantKey = node.NewSigner();
        var officeKey = node.NewSigner();
        var competitor = node.NewSigner();
        await node.RegisterAsync([plantKey.Address, officeKey.Address], ParticipantRoles.Supplier | ParticipantRoles.Carrier);
        await node.RegisterAsync(competitor.Address, ParticipantRoles.Supplier | ParticipantRoles.Carrier);
        var (ore, pig, t) = ($"urn:trace:k:ore:{run}", $"urn:trace:k:pig:{run}", $"urn:trace:k:t:{run}");

        var declared = await SubmitAsync(plantKey, ore, RecordKind.Batch, Batch(ore, "100", Figure("1000", "measured")));

        var foreignCorrection = Batch(ore, "90", Figure("900", "measured"));
        foreignCorrection["supersedes"] = declared;
        var refused = await Assert.ThrowsAsync<RpcException>(() => SubmitAsync(competitor, ore, RecordKind.Batch, foreignCorrection));
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("supersedes", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("issuing organisation", refused.Status.Detail, StringComparison.Ordinal);

        var correction = Batch(ore, "120", Figure("1200", "measured"));
        correction["supersedes"] = declared;
        await SubmitAsync(officeKey, ore, RecordKind.Batch, correction);

        // The other key consumes the batch the plant key declared, with no shipment: the same organisation holds it.
        await SubmitAsync(officeKey, pig, RecordKind.Batch, Batch(pig, "60"));
        await SubmitAsync(officeKey, t, RecordKind.Transformation, Transformation(t, [Input(ore, "120")], [Output(pig, "60")]));
        var footprint = (await Lineage.GetFootprintAsync(new GetFootprintRequest { BatchId = pig })).Footprint;
        Assert.Equal("1200", footprint.TotalKgCo2E);

        // The competitor cannot consume it without a shipment delivering it.
        var (stolen, t2) = ($"urn:trace:k:stolen:{run}", $"urn:trace:k:t2:{run}");
        await SubmitAsync(competitor, stolen, RecordKind.Batch, Batch(stolen, "1"));
        var theft = await Assert.ThrowsAsync<RpcException>(() => SubmitAsync(competitor, t2, RecordKind.Transformation, Transformation(t2, [Input(ore, "1")], [Output(stolen, "1")])));
        Assert.Equal(StatusCode.InvalidArgument, theft.StatusCode);
        Assert.Contains("inputs[0]", theft.Status.Detail, StringComparison.Ordinal);
    }

    private async Task<string> SubmitAsync(ClaimSigner issuer, string subject, RecordKind kind, System.Text.Json.Nodes.JsonObject body) =>
        (await node.Evidence.SubmitRecordAsync(issuer.StructuredRecord(subject, kind, body.ToJsonString()))).Record.Id;
}
