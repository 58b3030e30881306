using System.Numerics;
using Grpc.Core;
using Trace.Api.Tests.Evidence;
using Trace.Api.Tests.Support;
using Trace.Chain.Contracts.Registries;
using Trace.Client;
using Trace.Client.Claims;
using Trace.Crypto;
using Trace.Protos.V1;
using static Trace.Api.Tests.Lineage.LineageJson;

namespace Trace.Api.Tests.Assurance;

/// <summary>
/// Regulator flags and verifier endorsements over real gRPC against a real Anvil: relayed through Trace with the actor's
/// own EIP-712 signature, or sent to the registry directly; both reach GetRecord, Verify, the offline bundle verifier and
/// the lineage of every downstream batch, and unflagging clears them.
/// </summary>
[Collection(EvidenceNodeCollection.Name)]
public sealed class FlagAndEndorsementTests(EvidenceNodeFixture node)
{
    private AssuranceActors Actors => new(node.Api, node.Node, node.EvidenceRegistry);

    private LineageService.LineageServiceClient Lineage => new(node.Api.Channel);

    [Fact]
    public async Task A_flag_relayed_through_Trace_and_one_raised_on_chain_show_everywhere_downstream_until_unflagged()
    {
        var run = Guid.NewGuid().ToString("N")[..10];
        var smelter = node.NewSigner();
        var mill = node.NewSigner();
        using var customs = EthereumKey.Generate();     // flags through Trace
        using var authority = EthereumKey.Generate();   // flags on chain, paying its own gas
        using var verifier = EthereumKey.Generate();
        await node.RegisterAsync(smelter.Address, ParticipantRoles.Supplier | ParticipantRoles.Carrier);
        await node.RegisterAsync(mill.Address, ParticipantRoles.Supplier | ParticipantRoles.Carrier);
        await node.RegisterAsync(customs.Address, ParticipantRoles.Regulator);
        await node.RegisterAsync(authority.Address, ParticipantRoles.Regulator);
        await node.RegisterAsync(verifier.Address, ParticipantRoles.Verifier);
        await node.FundAsync(authority.Address, BigInteger.Pow(10, 18));

        // The energy report backs the smelter's transformation; pig iron and the mill's coil rest on it.
        var (report, content) = await AssuranceActors.UploadConfirmedWithContentAsync(node.Evidence, smelter, $"urn:trace:report:{run}");
        var (ore, pig, coil, s, t1, t2) = ($"urn:trace:f:ore:{run}", $"urn:trace:f:pig:{run}", $"urn:trace:f:coil:{run}", $"urn:trace:f:s:{run}", $"urn:trace:f:t1:{run}", $"urn:trace:f:t2:{run}");
        foreach (var id in new[]
        {
            await SubmitAsync(smelter, ore, RecordKind.Batch, Batch(ore, "100", Figure("1000", "measured"))),
            await SubmitAsync(smelter, pig, RecordKind.Batch, Batch(pig, "50")),
            await SubmitAsync(smelter, t1, RecordKind.Transformation, Transformation(t1, [Input(ore, "100")], [Output(pig, "50")], null, Figure("500", "measured", report))),
            await SubmitAsync(smelter, s, RecordKind.Shipment, Shipment(s, pig, "50", smelter.Address.ToString(), mill.Address.ToString())),
            await SubmitAsync(mill, coil, RecordKind.Batch, Batch(coil, "50")),
            await SubmitAsync(mill, t2, RecordKind.Transformation, Transformation(t2, [Input(pig, "50", s)], [Output(coil, "50")])),
        }) await node.Evidence.WaitForStatusAsync(id, RecordStatus.Confirmed);
        await AssuranceActors.PollAsync(() => Footprint(coil), f => f.VerifiedKgCo2E == "1500");

        // 1. The customs regulator flags through Trace, signing with its own key (the client library's signer).
        var customsSigner = Actors.SignerFor(customs);
        var flagged = await Actors.AssuranceAs(customs).FlagRecordAsync(
            await customsSigner.FlagAsync(Actors.Registry, report, FlagReason.SuspectedFalseData, "meter readings contradict the grid operator", "https://customs.example/case/77"));
        Assert.Equal(32, flagged.TxHash.Length);
        Assert.Equal(Hex.Encode(EvidenceNodeFixture.ParticipantId(customs.Address)), flagged.Flag.RegulatorParticipantId);
        Assert.Equal(FlagReason.SuspectedFalseData, flagged.Flag.Reason);

        // 2. The other authority flags on chain itself; Trace only sees the event.
        var record = (await node.Evidence.GetRecordAsync(new GetRecordRequest { RecordId = report })).Record;
        var (claim, root, proof) = AssuranceActors.OnChain(record);
        var direct = await Actors.RegistryAs(authority).FlagAsync(claim, root, proof, (ushort)FlagReason.UnderInvestigation);

        // 3. A verifier endorses through Trace.
        var endorsed = await Actors.AssuranceAs(verifier).EndorseRecordAsync(
            await Actors.SignerFor(verifier).EndorseAsync(Actors.Registry, report, EndorsementCode.LimitedAssurance));
        Assert.Equal(EndorsementCode.LimitedAssurance, endorsed.Endorsement.Code);

        // GetRecord: both flags (the on-chain one once Chain:Confirmations deep), who, when, why; the endorsement.
        record = await AssuranceActors.PollAsync(async () => (await node.Evidence.GetRecordAsync(new GetRecordRequest { RecordId = report })).Record, r => r.OpenFlags.Count == 2);
        Assert.True(record.Flagged);
        Assert.Equal(2, record.OpenFlags.Count);
        var viaTrace = record.OpenFlags.Single(f => f.FlaggedBy == customs.Address.ToString());
        Assert.Equal(("meter readings contradict the grid operator", "https://customs.example/case/77"), (viaTrace.Note, viaTrace.Uri));
        var onChain = record.OpenFlags.Single(f => f.FlaggedBy == authority.Address.ToString());
        Assert.Equal((FlagReason.UnderInvestigation, direct.Receipt.BlockNumber), (onChain.Reason, onChain.BlockNumber));
        Assert.Equal(direct.Receipt.TransactionHash, onChain.TxHash.ToByteArray());
        Assert.Equal(Hex.Encode(EvidenceNodeFixture.ParticipantId(authority.Address)), onChain.RegulatorParticipantId);
        Assert.Equal(verifier.Address.ToString(), Assert.Single(record.Endorsements).EndorsedBy);

        // Verify by id and by bundle: FLAGGED, not VERIFIED, with the flags and the endorsement next to it.
        var verdict = (await node.Evidence.VerifyAsync(new VerifyRequest { RecordId = report })).Result;
        Assert.Equal(VerificationStatus.Flagged, verdict.Status);
        Assert.True(verdict.Flagged);
        Assert.Equal(2, verdict.OpenFlags.Count);
        Assert.Equal("https://customs.example/case/77", verdict.OpenFlags.Single(f => f.FlaggedBy == customs.Address.ToString()).Uri);
        Assert.Single(verdict.Endorsements);
        Assert.Contains(verdict.Checks, c => c.Name == "regulator_flags" && !c.Passed);
        var bundle = (await node.Evidence.GetProofBundleAsync(new GetProofBundleRequest { RecordId = report })).BundleJson;
        Assert.Equal(VerificationStatus.Flagged, (await node.Evidence.VerifyAsync(new VerifyRequest { ProofBundleJson = bundle })).Result.Status);

        // The offline verifier (no Trace node, only the chain's RPC endpoint) finds the same flags and endorsement.
        var offline = await TraceClient.VerifyBundleAsync(bundle, new Uri(node.Node.RpcUrl));
        Assert.Equal(Trace.Domain.VerificationStatus.Flagged, offline.Status);
        Assert.Equal(
            new[] { customs.Address.ToString(), authority.Address.ToString() }.Order(),
            offline.OpenFlags.Select(f => f.FlaggedBy).Order());
        Assert.Equal((ushort)EndorsementCode.LimitedAssurance, Assert.Single(offline.RecordEndorsements).Code);

        // `trace verify` on a buyer's machine: FLAGGED (exit 1), each flag and the endorsement printed above the verdict.
        var bundleFile = Path.Combine(Path.GetTempPath(), $"trace-flagged-{run}.json");
        await File.WriteAllTextAsync(bundleFile, bundle);
        try
        {
            var (exit, printed) = await RunCliAsync("verify", "--bundle", bundleFile, "--rpc", node.Node.RpcUrl);
            Assert.Equal(1, exit);
            Assert.Contains("NOT VERIFIED (FLAGGED)", printed);
            Assert.Contains($"flag by {Hex.Encode(EvidenceNodeFixture.ParticipantId(customs.Address))} (key {customs.Address})", printed);
            Assert.Contains($"endorsement by {Hex.Encode(EvidenceNodeFixture.ParticipantId(verifier.Address))} (key {verifier.Address})", printed);
        }
        finally { File.Delete(bundleFile); }

        // VerifyContent of the report's bytes: FLAGGED as well, with the flags listed.
        using (var stream = node.Evidence.VerifyContent())
        {
            await stream.RequestStream.WriteAsync(new VerifyContentRequest { Header = new VerifyContentHeader() });
            await stream.RequestStream.WriteAsync(new VerifyContentRequest { Chunk = Google.Protobuf.ByteString.CopyFrom(content) });
            await stream.RequestStream.CompleteAsync();
            var byContent = await stream.ResponseAsync;
            Assert.Equal(VerificationStatus.Flagged, byContent.Status);
            Assert.Equal(2, Assert.Single(byContent.Results).OpenFlags.Count);
        }

        // The lineage: every downstream footprint rests on flagged evidence, naming who flagged it.
        foreach (var batch in new[] { pig, coil })
        {
            var marked = await AssuranceActors.PollAsync(() => Footprint(batch), f => f.WithdrawnEvidence.Any(w => w.Reason == WithdrawalReason.Flagged && w.OpenFlags.Count == 2));
            var mark = Assert.Single(marked.WithdrawnEvidence);
            Assert.Equal((report, WithdrawalReason.Flagged, pig), (mark.RecordId, mark.Reason, mark.ViaBatchId));
            Assert.Equal(2, mark.OpenFlags.Count);
            Assert.Equal("1000", marked.VerifiedKgCo2E); // the flagged report's 500 kg no longer count as verified
        }
        var upstream = await Lineage.GetUpstreamLineageAsync(new GetUpstreamLineageRequest { BatchId = coil });
        Assert.True(upstream.Nodes.Single(n => n.BatchId == coil).RestsOnFlaggedEvidence);
        Assert.True(upstream.Nodes.Single(n => n.BatchId == pig).RestsOnFlaggedEvidence);
        Assert.False(upstream.Nodes.Single(n => n.BatchId == ore).RestsOnFlaggedEvidence);
        var downstream = await Lineage.GetDownstreamLineageAsync(new GetDownstreamLineageRequest { BatchId = pig });
        Assert.All(downstream.Nodes, n => Assert.True(n.RestsOnFlaggedEvidence));

        // Unflag: the customs regulator through Trace, the authority on chain; the record verifies again.
        await Actors.AssuranceAs(customs).UnflagRecordAsync(await customsSigner.UnflagAsync(Actors.Registry, report, UnflagReason.Resolved));
        await Actors.RegistryAs(authority).UnflagAsync(Hex.Decode(report), (ushort)UnflagReason.RaisedInError);
        record = await AssuranceActors.PollAsync(async () => (await node.Evidence.GetRecordAsync(new GetRecordRequest { RecordId = report })).Record, r => r.OpenFlags.Count == 0);
        Assert.False(record.Flagged);
        Assert.Single(record.Endorsements); // the endorsement stays
        Assert.Equal(VerificationStatus.Verified, (await node.Evidence.VerifyAsync(new VerifyRequest { RecordId = report })).Result.Status);
        Assert.Equal(Trace.Domain.VerificationStatus.Verified, (await TraceClient.VerifyBundleAsync(bundle, new Uri(node.Node.RpcUrl))).Status);
        var cleared = await AssuranceActors.PollAsync(() => Footprint(coil), f => !f.RestsOnWithdrawnEvidence);
        Assert.Equal("1500", cleared.VerifiedKgCo2E);
    }

    [Fact]
    public async Task Wrong_role_bad_signature_unknown_record_and_a_second_flag_are_refused_with_clear_statuses()
    {
        var supplier = node.NewSigner();
        using var regulator = EthereumKey.Generate();
        using var stranger = EthereumKey.Generate();
        await node.RegisterAsync(supplier.Address, ParticipantRoles.Supplier);
        await node.RegisterAsync(regulator.Address, ParticipantRoles.Regulator);
        var report = await AssuranceActors.UploadConfirmedAsync(node.Evidence, supplier, $"urn:trace:report:{Guid.NewGuid():N}");
        var nonce = await Actors.Registry.NonceOfAsync(regulator.Address);
        var deadline = (ulong)DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();

        // A supplier may not flag at all: refused before the service runs.
        var supplierSigner = Actors.SignerFor(supplier.Key);
        var wrongRole = await EvidenceClientExtensions.ExpectErrorAsync(() => Actors.AssuranceAs(supplier.Key)
            .FlagRecordAsync(supplierSigner.Flag(report, FlagReason.Other, 0)).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, wrongRole.StatusCode);

        // A regulator relaying a flag signed by a key of no participant: the signer is not the caller's.
        var notCallers = await EvidenceClientExtensions.ExpectErrorAsync(() => Actors.AssuranceAs(regulator)
            .FlagRecordAsync(Actors.SignerFor(stranger).Flag(report, FlagReason.Other, 0)).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, notCallers.StatusCode);
        Assert.StartsWith("signer:", notCallers.Status.Detail);

        // The regulator's request with a signature by another key: INVALID_ARGUMENT naming the field; nothing sent.
        var forged = new FlagRecordRequest
        {
            RecordId = report, Reason = FlagReason.Other, Signer = regulator.Address.ToString(), Nonce = (ulong)nonce, Deadline = deadline,
            Signature = Google.Protobuf.ByteString.CopyFrom(Actors.SignFlag(stranger, report, 5, nonce, deadline)),
        };
        var badSignature = await EvidenceClientExtensions.ExpectErrorAsync(() => Actors.AssuranceAs(regulator).FlagRecordAsync(forged).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, badSignature.StatusCode);
        Assert.StartsWith("signature:", badSignature.Status.Detail);

        // Signed for another reason than the one sent: the signature does not cover the request.
        var altered = forged.Clone();
        altered.Signature = Google.Protobuf.ByteString.CopyFrom(Actors.SignFlag(regulator, report, 1, nonce, deadline));
        Assert.StartsWith("signature:", (await EvidenceClientExtensions.ExpectErrorAsync(() => Actors.AssuranceAs(regulator).FlagRecordAsync(altered).ResponseAsync)).Status.Detail);

        // No reason: INVALID_ARGUMENT naming reason.
        var noReason = await EvidenceClientExtensions.ExpectErrorAsync(() => Actors.AssuranceAs(regulator)
            .FlagRecordAsync(new FlagRecordRequest { RecordId = report, Signer = regulator.Address.ToString(), Deadline = deadline, Signature = forged.Signature }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, noReason.StatusCode);
        Assert.StartsWith("reason:", noReason.Status.Detail);

        // An unknown record: NOT_FOUND.
        var unknownId = Hex.Encode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var unknown = await EvidenceClientExtensions.ExpectErrorAsync(() => Actors.AssuranceAs(regulator)
            .FlagRecordAsync(Actors.SignerFor(regulator).Flag(unknownId, FlagReason.Other, nonce)).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.StartsWith("record_id:", unknown.Status.Detail);

        // Unflag with no open flag: NOT_FOUND; flag twice: ALREADY_EXISTS; the nonce of the refused calls was never used.
        var notFlagged = await EvidenceClientExtensions.ExpectErrorAsync(() => Actors.AssuranceAs(regulator)
            .UnflagRecordAsync(Actors.SignerFor(regulator).Unflag(report, UnflagReason.Resolved, nonce)).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, notFlagged.StatusCode);
        await Actors.AssuranceAs(regulator).FlagRecordAsync(Actors.SignerFor(regulator).Flag(report, FlagReason.Other, nonce));
        var twice = await EvidenceClientExtensions.ExpectErrorAsync(() => Actors.AssuranceAs(regulator)
            .FlagRecordAsync(Actors.SignerFor(regulator).Flag(report, FlagReason.Other, nonce + 1)).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, twice.StatusCode);
        Assert.Equal(nonce + 1, await Actors.Registry.NonceOfAsync(regulator.Address));

        // Endorsing is a verifier's: the table refuses a regulator.
        var regulatorEndorses = await EvidenceClientExtensions.ExpectErrorAsync(() => Actors.AssuranceAs(regulator)
            .EndorseRecordAsync(Actors.SignerFor(regulator).Endorse(report, EndorsementCode.DataReview, nonce + 1)).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, regulatorEndorses.StatusCode);
    }

    private static async Task<(int ExitCode, string Output)> RunCliAsync(params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(RepoPaths.CliDll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    private async Task<string> SubmitAsync(ClaimSigner issuer, string subject, RecordKind kind, System.Text.Json.Nodes.JsonObject body) =>
        (await node.Evidence.SubmitRecordAsync(issuer.StructuredRecord(subject, kind, body.ToJsonString()))).Record.Id;

    private async Task<Footprint> Footprint(string batchId) => (await Lineage.GetFootprintAsync(new GetFootprintRequest { BatchId = batchId })).Footprint;
}
