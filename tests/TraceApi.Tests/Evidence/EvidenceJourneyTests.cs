using Trace.Client.Access;
using Grpc.Core.Interceptors;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Trace.Api.Tests.Support;
using Trace.Chain.Contracts.Registries;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Evidence;

/// <summary>The supplier's and buyer's core journey over a real socket: submit, anchor, confirm, prove, verify.</summary>
[Collection(EvidenceNodeCollection.Name)]
public sealed class EvidenceJourneyTests(EvidenceNodeFixture node)
{
    [Fact]
    public async Task Thousand_records_from_ten_concurrent_clients_all_reach_confirmed_and_every_bundle_verifies()
    {
        const int clients = 10, perClient = 100;
        var signers = Enumerable.Range(0, clients).Select(_ => node.NewSigner()).ToArray();
        foreach (var signer in signers) await node.RegisterAsync(signer.Address, ParticipantRoles.Supplier);

        var ids = new ConcurrentBag<string>();
        await Task.WhenAll(signers.Select((signer, c) => Task.Run(async () =>
        {
            using var channel = GrpcChannel.ForAddress(node.Api.GrpcAddress);
            var client = new EvidenceService.EvidenceServiceClient(channel.Intercept(new AccessTokenInterceptor(node.Api.Tokens)));
            for (var i = 0; i < perClient; i++)
            {
                var subject = $"urn:epc:id:sgtin:9506000.134352.C{c}-{i}";
                if (i % 4 == 0)
                {
                    var content = Encoding.UTF8.GetBytes($"meter reading {c}/{i}: {RandomNumberGenerator.GetHexString(16)} kWh");
                    var signed = signer.Sign(SHA256.HashData(content), RecordKind.EnergyReading, subject);
                    var response = await client.UploadAsync(new SubmitDocumentHeader { SignedClaim = signed, SubjectId = subject, MediaType = "text/plain", FileName = $"reading-{i}.txt" }, content);
                    Assert.True(response.Created);
                    ids.Add(response.Record.Id);
                }
                else
                {
                    var request = signer.StructuredRecord(subject, RecordKind.Batch, LineageBodies.Batch(subject, name: $"C{c}-{i}", amount: $"{i}.5"));
                    var response = await client.SubmitRecordAsync(request);
                    Assert.True(response.Created);
                    Assert.Equal(RecordStatus.Pending, response.Record.Status);
                    ids.Add(response.Record.Id);
                }
            }
        })));
        Assert.Equal(clients * perClient, ids.Distinct().Count());

        foreach (var id in ids) await node.Evidence.WaitForStatusAsync(id, RecordStatus.Confirmed, TimeSpan.FromSeconds(120));

        var roots = new HashSet<string>();
        foreach (var id in ids)
        {
            var bundle = await node.Evidence.GetProofBundleAsync(new GetProofBundleRequest { RecordId = id });
            roots.Add(Convert.ToHexString(bundle.Bundle.Anchor.MerkleRoot.Span));
            var result = (await node.Evidence.VerifyAsync(new VerifyRequest { ProofBundleJson = bundle.BundleJson })).Result;
            Assert.True(result.Status == VerificationStatus.Verified, $"{id}: {result.Status} {string.Join("; ", result.Checks.Where(c => !c.Passed).Select(c => c.Name + ": " + c.Detail))}");
        }
        Assert.True(roots.Count < ids.Count / 4, $"1,000 records went into {roots.Count} batches; batching should group them");
    }

    [Fact]
    public async Task Verifying_by_record_id_checks_the_stored_content_and_reports_pending_before_anchoring()
    {
        var signer = node.NewSigner();
        await node.RegisterAsync(signer.Address, ParticipantRoles.Carrier);
        var content = Encoding.UTF8.GetBytes("consignment note CN-2026-0042, 18 t, road, 412 km");
        var signed = signer.Sign(SHA256.HashData(content), RecordKind.TransportRecord, "urn:trace:shipment:CN-2026-0042");
        var submitted = await node.Evidence.UploadAsync(new SubmitDocumentHeader { SignedClaim = signed, SubjectId = "urn:trace:shipment:CN-2026-0042", MediaType = "text/plain" }, content);
        var id = submitted.Record.Id;
        Assert.Equal(signer.RecordIdOf(signed), id);

        var early = (await node.Evidence.VerifyAsync(new VerifyRequest { RecordId = id })).Result;
        Assert.Contains(early.Status, new[] { VerificationStatus.Pending, VerificationStatus.Verified });

        await node.Evidence.WaitForStatusAsync(id, RecordStatus.Confirmed);
        var verified = (await node.Evidence.VerifyAsync(new VerifyRequest { RecordId = id })).Result;
        Assert.Equal(VerificationStatus.Verified, verified.Status);
        Assert.Equal(RecordStatus.Confirmed, verified.RecordStatus);
        Assert.All(verified.Checks, c => Assert.True(c.Passed, c.Name + ": " + c.Detail));

        var otherBytes = (byte[])content.Clone();
        otherBytes[0] ^= 1;
        var tampered = (await node.Evidence.VerifyAsync(new VerifyRequest { RecordId = id, Content = ByteString.CopyFrom(otherBytes) })).Result;
        Assert.Equal(VerificationStatus.Tampered, tampered.Status);
        Assert.Equal("content_hash", tampered.Checks.First(c => !c.Passed).Name);
    }

    [Fact]
    public async Task Verify_content_answers_whether_a_file_is_the_one_anchored()
    {
        var signer = node.NewSigner();
        await node.RegisterAsync(signer.Address, ParticipantRoles.Supplier);
        var content = Encoding.UTF8.GetBytes("ISO 14001 certificate 2026-ENV-7781, valid to 2029-06-30 " + Guid.NewGuid());
        var signed = signer.Sign(SHA256.HashData(content), RecordKind.Certification, "urn:trace:site:plant-7");
        var id = (await node.Evidence.UploadAsync(new SubmitDocumentHeader { SignedClaim = signed, SubjectId = "urn:trace:site:plant-7", MediaType = "application/pdf" }, content)).Record.Id;
        await node.Evidence.WaitForStatusAsync(id, RecordStatus.Confirmed);

        var same = await VerifyContentAsync(content, recordId: "");
        Assert.Equal(VerificationStatus.Verified, same.Status);
        Assert.Equal(id, Assert.Single(same.Results).RecordId);

        var changed = (byte[])content.Clone();
        changed[^1] ^= 0x20;
        Assert.Equal(VerificationStatus.NotFound, (await VerifyContentAsync(changed, recordId: "")).Status);
        Assert.Equal(VerificationStatus.Tampered, (await VerifyContentAsync(changed, recordId: id)).Status);
    }

    [Fact]
    public async Task Resubmitting_a_signed_claim_returns_the_existing_record_and_two_issuers_make_two_records()
    {
        var first = node.NewSigner();
        var second = node.NewSigner();
        await node.RegisterAsync(first.Address, ParticipantRoles.Supplier);
        await node.RegisterAsync(second.Address, ParticipantRoles.Supplier);
        var content = Encoding.UTF8.GetBytes("supplier ESG questionnaire 2026 " + Guid.NewGuid());
        var subject = "urn:trace:org:supplier-esg";
        var signed = first.Sign(SHA256.HashData(content), RecordKind.SupplierEsgFile, subject);
        var header = new SubmitDocumentHeader { SignedClaim = signed, SubjectId = subject, MediaType = "application/pdf" };

        var created = await node.Evidence.UploadAsync(header, content);
        var again = await node.Evidence.UploadAsync(header, content);
        Assert.True(created.Created);
        Assert.False(again.Created);
        Assert.Equal(created.Record.Id, again.Record.Id);

        var other = await node.Evidence.UploadAsync(new SubmitDocumentHeader
        {
            SignedClaim = second.Sign(SHA256.HashData(content), RecordKind.SupplierEsgFile, subject),
            SubjectId = subject,
            MediaType = "application/pdf",
        }, content);
        Assert.True(other.Created);
        Assert.NotEqual(created.Record.Id, other.Record.Id);

        var listed = await node.Evidence.ListRecordsAsync(new ListRecordsRequest { SubjectId = subject, PageSize = 10 });
        Assert.Equal(2, listed.Records.Count);
    }

    [Fact]
    public async Task Downloaded_content_is_byte_for_byte_what_was_uploaded()
    {
        var signer = node.NewSigner();
        await node.RegisterAsync(signer.Address, ParticipantRoles.Supplier);
        var content = RandomNumberGenerator.GetBytes(300_000);
        var signed = signer.Sign(SHA256.HashData(content), RecordKind.EnvironmentalImpactReport, "urn:trace:lca:study-9");
        var id = (await node.Evidence.UploadAsync(new SubmitDocumentHeader { SignedClaim = signed, SubjectId = "urn:trace:lca:study-9", MediaType = "application/octet-stream", FileName = "lca.bin" }, content, 10_000)).Record.Id;

        using var call = node.Evidence.DownloadContent(new DownloadContentRequest { RecordId = id });
        using var buffer = new MemoryStream();
        ContentInfo? info = null;
        await foreach (var part in call.ResponseStream.ReadAllAsync())
        {
            if (part.PartCase == DownloadContentResponse.PartOneofCase.Info) info = part.Info;
            else buffer.Write(part.Chunk.Span);
        }
        Assert.NotNull(info);
        Assert.Equal("lca.bin", info.FileName);
        Assert.Equal((ulong)content.Length, info.ContentLength);
        Assert.Equal(content, buffer.ToArray());
    }

    [Fact]
    public async Task Watching_a_record_streams_accepted_anchored_and_confirmed()
    {
        var signer = node.NewSigner();
        await node.RegisterAsync(signer.Address, ParticipantRoles.Supplier);
        var request = signer.StructuredRecord("urn:trace:batch:W-1", RecordKind.Batch, LineageBodies.Batch("urn:trace:batch:W-1"));
        var id = signer.RecordIdOf(request.SignedClaim);

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var watch = node.Evidence.WatchRecordStatus(new WatchRecordStatusRequest { RecordIds = { id } }, cancellationToken: cts.Token);
        await Task.Delay(300); // the stream starts at the feed's head
        await node.Evidence.SubmitRecordAsync(request);
        var changes = new List<RecordChange>();
        await foreach (var change in watch.ResponseStream.ReadAllAsync(cts.Token))
        {
            Assert.Equal(id, change.RecordId);
            Assert.True(change.Sequence > 0);
            changes.Add(change.Change);
            if (change.Change == RecordChange.Confirmed) break;
        }
        Assert.Equal(new[] { RecordChange.Accepted, RecordChange.Anchored, RecordChange.Confirmed }, changes);
    }

    private async Task<VerifyContentResponse> VerifyContentAsync(byte[] content, string recordId)
    {
        using var call = node.Evidence.VerifyContent();
        await call.RequestStream.WriteAsync(new VerifyContentRequest { Header = new VerifyContentHeader { RecordId = recordId } });
        await call.RequestStream.WriteAsync(new VerifyContentRequest { Chunk = ByteString.CopyFrom(content) });
        await call.RequestStream.CompleteAsync();
        return await call;
    }
}
