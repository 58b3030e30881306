using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Trace.Api.Tests.Evidence;
using Trace.Api.Tests.Support;
using Trace.Chain.Contracts.Registries;
using Trace.Client.Claims;
using Trace.Crypto;
using Trace.Crypto.Eip712;
using Trace.Protos.V1;
using static Trace.Api.Tests.Lineage.LineageJson;

namespace Trace.Api.Tests.Lineage;

/// <summary>
/// Verification standing over gRPC: records confirmed on chain become the verified part of a footprint, and a revoked
/// evidence record marks every downstream footprint, naming it (the status projector follows the feed in the API).
/// </summary>
[Collection(EvidenceNodeCollection.Name)]
public sealed class LineageWithdrawalTests(EvidenceNodeFixture node)
{
    private LineageService.LineageServiceClient Lineage => new(node.Api.Channel);

    [Fact]
    public async Task Revoking_an_energy_report_marks_every_downstream_footprint_and_confirmation_builds_the_verified_part()
    {
        var run = Guid.NewGuid().ToString("N")[..10];
        var smelter = node.NewSigner();
        var mill = node.NewSigner();
        await node.RegisterAsync(smelter.Address, ParticipantRoles.Supplier | ParticipantRoles.Carrier);
        await node.RegisterAsync(mill.Address, ParticipantRoles.Supplier | ParticipantRoles.Carrier);
        var report = await UploadConfirmedAsync(smelter, $"urn:trace:report:{run}");
        var (ore, pig, coil, s, t1, t2) = ($"urn:trace:w:ore:{run}", $"urn:trace:w:pig:{run}", $"urn:trace:w:coil:{run}", $"urn:trace:w:s:{run}", $"urn:trace:w:t1:{run}", $"urn:trace:w:t2:{run}");
        var ids = new List<string>
        {
            await SubmitAsync(smelter, ore, RecordKind.Batch, Batch(ore, "100", Figure("1000", "measured"))),
            await SubmitAsync(smelter, pig, RecordKind.Batch, Batch(pig, "50")),
            await SubmitAsync(smelter, t1, RecordKind.Transformation, Transformation(t1, [Input(ore, "100")], [Output(pig, "50")], null, Figure("500", "measured", report))),
            await SubmitAsync(smelter, s, RecordKind.Shipment, Shipment(s, pig, "50", smelter.Address.ToString(), mill.Address.ToString())),
            await SubmitAsync(mill, coil, RecordKind.Batch, Batch(coil, "50")),
            await SubmitAsync(mill, t2, RecordKind.Transformation, Transformation(t2, [Input(pig, "50", s)], [Output(coil, "50")])),
        };
        // F(COIL) = 50 × F(PIG) / 50 = F(PIG) = 1000 + 500 = 1,500; the shipment has no legs: transport not reported.
        foreach (var id in ids) await node.Evidence.WaitForStatusAsync(id, RecordStatus.Confirmed);
        var confirmed = await PollAsync(coil, f => f.VerifiedKgCo2E == "1500");
        Assert.Equal(("1500", "1"), (confirmed.TotalKgCo2E, confirmed.VerifiedShare));
        Assert.Equal(s, Assert.Single(confirmed.TransportNotReported).ShipmentId);

        await RevokeAsync(smelter, report);

        foreach (var batch in new[] { pig, coil })
        {
            var marked = await PollAsync(batch, f => f.RestsOnWithdrawnEvidence);
            var mark = Assert.Single(marked.WithdrawnEvidence);
            Assert.Equal((report, WithdrawalReason.Revoked, pig), (mark.RecordId, mark.Reason, mark.ViaBatchId));
            Assert.Equal("1500", marked.TotalKgCo2E); // the figures stay, marked
            Assert.Equal("1000", marked.VerifiedKgCo2E); // the revoked report's 500 kg no longer count as verified
        }
        Assert.False((await Lineage.GetFootprintAsync(new GetFootprintRequest { BatchId = ore })).Footprint.RestsOnWithdrawnEvidence);
    }

    private async Task<string> SubmitAsync(ClaimSigner issuer, string subject, RecordKind kind, System.Text.Json.Nodes.JsonObject body) =>
        (await node.Evidence.SubmitRecordAsync(issuer.StructuredRecord(subject, kind, body.ToJsonString()))).Record.Id;

    private async Task<Footprint> PollAsync(string batchId, Func<Footprint, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var footprint = (await Lineage.GetFootprintAsync(new GetFootprintRequest { BatchId = batchId })).Footprint;
            if (done(footprint) || DateTime.UtcNow > deadline) return footprint;
            await Task.Delay(200);
        }
    }

    private async Task<string> UploadConfirmedAsync(ClaimSigner signer, string subject)
    {
        var content = Encoding.UTF8.GetBytes("energy report " + subject);
        var signed = signer.Sign(SHA256.HashData(content), RecordKind.EnergyReading, subject);
        var id = (await node.Evidence.UploadAsync(new SubmitDocumentHeader { SignedClaim = signed, SubjectId = subject, MediaType = "application/pdf" }, content)).Record.Id;
        await node.Evidence.WaitForStatusAsync(id, RecordStatus.Confirmed);
        return id;
    }

    private async Task RevokeAsync(ClaimSigner signer, string recordId)
    {
        var nonce = await EvidenceRegistryClient.Connect(node.EvidenceRegistry, node.Eth).NonceOfAsync(signer.Address);
        var deadline = (ulong)DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var signature = new RelayedMessageSigner(EvidenceClaimHasher.Domain(new BigInteger(node.Node.ChainId), node.EvidenceRegistry))
            .SignRevocation(signer.Key, Hex.Decode(recordId), 3, nonce, deadline).Signature;
        await node.Evidence.RevokeRecordAsync(new RevokeRecordRequest
        {
            RecordId = recordId, Reason = 3, Nonce = (ulong)nonce, Deadline = deadline, Signature = ByteString.CopyFrom(signature),
        });
    }
}
