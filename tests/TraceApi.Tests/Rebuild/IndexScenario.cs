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

namespace Trace.Api.Tests.Rebuild;

/// <summary>
/// A small but complete index on a node: documents, a plain structured record, a lineage chain (batches, a
/// transformation citing an energy report, a shipment, a second transformation drawing from it), a lineage correction,
/// and an on-chain revocation that marks downstream footprints; everything CONFIRMED and the projector caught up.
/// </summary>
public sealed class IndexScenario
{
    public List<string> Documents { get; } = [];
    public List<string> AllRecords { get; } = [];
    public string OreBatch { get; private set; } = "";
    public string OreRecord { get; private set; } = "";
    public string CoilBatch { get; private set; } = "";
    public string RevokedReport { get; private set; } = "";

    public static async Task<IndexScenario> RunAsync(EvidenceNodeFixture node)
    {
        var scenario = new IndexScenario();
        var run = Guid.NewGuid().ToString("N")[..8];
        var smelter = node.NewSigner();
        var mill = node.NewSigner();
        await node.RegisterAsync(smelter.Address, ParticipantRoles.Supplier | ParticipantRoles.Carrier);
        await node.RegisterAsync(mill.Address, ParticipantRoles.Supplier | ParticipantRoles.Carrier);

        for (var i = 0; i < 4; i++)
        {
            var content = Encoding.UTF8.GetBytes($"document {i} of {run}");
            var signed = smelter.Sign(SHA256.HashData(content), RecordKind.TransportRecord, $"urn:trace:doc:{run}:{i}");
            var header = new SubmitDocumentHeader { SignedClaim = signed, SubjectId = $"urn:trace:doc:{run}:{i}", MediaType = "text/plain", FileName = $"doc-{i}.txt", MetadataJson = "{\"page\":" + i + "}" };
            scenario.Documents.Add((await node.Evidence.UploadAsync(header, content)).Record.Id);
        }
        var report = scenario.Documents[0];
        var revoked = scenario.Documents[1];
        var (ore, pig, coil, s, t1, t2) = ($"urn:trace:r:ore:{run}", $"urn:trace:r:pig:{run}", $"urn:trace:r:coil:{run}", $"urn:trace:r:s:{run}", $"urn:trace:r:t1:{run}", $"urn:trace:r:t2:{run}");
        scenario.OreBatch = ore;
        scenario.CoilBatch = coil;
        var oreFirst = await SubmitAsync(node, smelter, ore, RecordKind.Batch, Batch(ore, "90", Figure("900", "measured", revoked)));
        scenario.AllRecords.Add(oreFirst);
        // A lineage correction: the ore batch record superseded by its issuer.
        var correction = Batch(ore, "100", Figure("1000", "measured", revoked));
        correction["supersedes"] = oreFirst;
        scenario.OreRecord = await SubmitAsync(node, smelter, ore, RecordKind.Batch, correction);
        scenario.AllRecords.Add(scenario.OreRecord);
        scenario.AllRecords.Add(await SubmitAsync(node, smelter, pig, RecordKind.Batch, Batch(pig, "50")));
        scenario.AllRecords.Add(await SubmitAsync(node, smelter, t1, RecordKind.Transformation, Transformation(t1, [Input(ore, "100")], [Output(pig, "50")], null, Figure("500", "measured", report))));
        // The shipment follows a route plan; the lane it was priced on is deleted before the rebuild (lanes are not
        // journalled), and the plan still comes back: it lives in the blob store.
        var shipment = Shipment(s, pig, "50", smelter.Address.ToString(), mill.Address.ToString());
        shipment["routePlanId"] = await RoutePlanAsync(node, run);
        scenario.AllRecords.Add(await SubmitAsync(node, smelter, s, RecordKind.Shipment, shipment));
        scenario.AllRecords.Add(await SubmitAsync(node, mill, coil, RecordKind.Batch, Batch(coil, "50")));
        scenario.AllRecords.Add(await SubmitAsync(node, mill, t2, RecordKind.Transformation, Transformation(t2, [Input(pig, "50", s)], [Output(coil, "50")])));
        scenario.AllRecords.AddRange(scenario.Documents);
        foreach (var id in scenario.AllRecords) await node.Evidence.WaitForStatusAsync(id, RecordStatus.Confirmed, TimeSpan.FromSeconds(120));

        await RevokeAsync(node, smelter, revoked);
        scenario.RevokedReport = revoked;
        var lineage = new LineageService.LineageServiceClient(node.Api.Channel);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!(await lineage.GetFootprintAsync(new GetFootprintRequest { BatchId = coil })).Footprint.RestsOnWithdrawnEvidence)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the revocation never reached the coil's footprint");
            await Task.Delay(250);
        }
        // The relayed revocation reaches the footprint once mined; a rebuild, like the registry follower, applies a
        // withdrawal only once its block is Chain:Confirmations deep. Wait for that, so the rebuild counts it.
        var revocation = (await node.Evidence.GetRecordAsync(new GetRecordRequest { RecordId = revoked })).Record.Revocation
            ?? throw new InvalidOperationException("the revoked report has no revocation in the index");
        var confirmations = ulong.Parse(EvidenceNodeFixture.Settings["Chain:Confirmations"], System.Globalization.CultureInfo.InvariantCulture);
        while (await node.Eth.BlockNumberAsync() + 1 < revocation.BlockNumber + confirmations)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the revocation's block {revocation.BlockNumber} never became {confirmations} deep");
            await Task.Delay(250);
        }
        return scenario;
    }

    private static async Task<string> RoutePlanAsync(EvidenceNodeFixture node, string run)
    {
        var lanes = new LaneCatalogService.LaneCatalogServiceClient(node.Api.Channel);
        var lane = new Lane { LaneId = $"index-{run}", Mode = TransportMode.Road, Origin = "AUPHE", Destination = "CNNGB", DistanceKm = "120", TransitDays = "1" };
        await lanes.PutLanesAsync(new PutLanesRequest { Lanes = { lane } });
        var request = new DecideRouteRequest { Origin = "AUPHE", Destination = "CNNGB", CargoMass = new CargoMass { Amount = "50", Unit = "TNE" }, DeadlineDays = { "365" } };
        var planId = (await new RouteDecisionService.RouteDecisionServiceClient(node.Api.Channel).DecideRouteAsync(request)).Decisions[0].PlanId;
        await Decisions.OperatorLanes.Client(node).DeleteLanesAsync(new DeleteLanesRequest { LaneIds = { lane.LaneId } });
        return planId;
    }

    private static async Task<string> SubmitAsync(EvidenceNodeFixture node, ClaimSigner issuer, string subject, RecordKind kind, System.Text.Json.Nodes.JsonObject body) =>
        (await node.Evidence.SubmitRecordAsync(issuer.StructuredRecord(subject, kind, body.ToJsonString()))).Record.Id;

    private static async Task RevokeAsync(EvidenceNodeFixture node, ClaimSigner signer, string recordId)
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
