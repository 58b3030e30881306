using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Grpc.Core;
using Trace.Api.Tests.Support;
using Trace.Chain.Contracts.Registries;
using Trace.Client.Claims;
using Trace.Crypto;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Evidence;

/// <summary>
/// The statuses the protos and docs/proof-bundle.md name for the cases an outside client has to handle: a bundle of
/// another chain, a malformed bundle, a claim signed for another domain, malformed ids, an oversized page.
/// </summary>
[Collection(EvidenceNodeCollection.Name)]
public sealed class StatusContractTests(EvidenceNodeFixture node)
{
    private const ulong OtherChainId = 1;

    [Fact]
    public async Task A_bundle_of_another_chain_is_refused_as_failed_precondition_naming_both_chains()
    {
        var error = await Refused(() => node.Evidence.VerifyAsync(new VerifyRequest { ProofBundleJson = BundleOfAnotherChain() }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.StartsWith("proof_bundle_json.anchor.chainId", error.Status.Detail);
        Assert.Contains($"chain {OtherChainId}", error.Status.Detail);
        Assert.Contains($"chain {node.Node.ChainId}", error.Status.Detail);
    }

    public static TheoryData<string, string> MalformedBundles => new()
    {
        { "not json", "{\"format\":" },
        { "not an object", "[1,2,3]" },
        { "member missing", "remove:anchor" },
        { "kind over uint8", "set:claim.kind=300" },
        { "negative block", "set:anchor.blockNumber=-1" },
        { "fractional block", "set:anchor.blockNumber=1.5" },
        { "block over 2^53", "set:anchor.blockNumber=9007199254740993" },
        { "short hash", "set:anchor.txHash=\"0x1234\"" },
        { "proof item not a hash", "set:merkle.proof=[5]" },
        { "short signature", "set:signature=\"0x00\"" },
        { "bad address", "set:anchor.registry=\"0x12\"" },
        { "media type not a string", "set:content.mediaType=5" },
        { "status not a string", "set:status={}" },
        { "time not a string", "set:generatedAt=7" },
        { "content not an object", "set:content=\"x\"" },
        { "member given twice", "duplicate:recordId" },
        { "another format", "set:format=\"trace.proof-bundle/v2\"" },
    };

    [Theory]
    [MemberData(nameof(MalformedBundles))]
    public async Task A_malformed_bundle_is_refused_as_invalid_argument_not_given_a_verdict(string what, string edit)
    {
        var error = await Refused(() => node.Evidence.VerifyAsync(new VerifyRequest { ProofBundleJson = Edit(BundleOfAnotherChain(), edit) }).ResponseAsync);

        Assert.True(error.StatusCode == StatusCode.InvalidArgument, $"{what}: {error.StatusCode} {error.Status.Detail}");
        Assert.StartsWith("proof_bundle_json", error.Status.Detail);
    }

    [Theory]
    [InlineData("chain")]
    [InlineData("contract")]
    public async Task A_claim_signed_for_another_domain_is_permission_denied_and_names_the_expected_domain(string wrong)
    {
        var registry = EthereumAddress.Parse(node.Node.Contracts["EvidenceRegistry"]);
        var key = EthereumKey.Generate();
        node.Api.Tokens.Keyring.Add(key);
        await node.RegisterAsync(key.Address, ParticipantRoles.Supplier);
        var foreign = wrong == "chain"
            ? new ClaimSigner(key, OtherChainId, registry)
            : new ClaimSigner(key, node.Node.ChainId, EthereumAddress.Parse("0x" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20))));
        var request = foreign.StructuredRecord("urn:trace:domain:" + wrong, RecordKind.Batch, LineageBodies.Batch("urn:trace:domain:" + wrong));

        var error = await Refused(() => node.Evidence.SubmitRecordAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("signing domain", error.Status.Detail);
        Assert.Contains($"chainId {node.Node.ChainId}", error.Status.Detail);
        Assert.Contains($"verifyingContract {registry}", error.Status.Detail);
        var id = new ClaimSigner(key, node.Node.ChainId, registry).RecordIdOf(request.SignedClaim);
        Assert.Equal(StatusCode.NotFound, (await Refused(() => node.Evidence.GetRecordAsync(new GetRecordRequest { RecordId = id }).ResponseAsync)).StatusCode);
    }

    public static TheoryData<string, string> MalformedIdCalls => new()
    {
        { "GetRecord", "record_id" },
        { "GetRecord empty", "record_id" },
        { "DownloadContent", "record_id" },
        { "GetProofBundle", "record_id" },
        { "Verify", "record_id" },
        { "VerifyContent", "header.record_id" },
        { "WatchRecordStatus", "record_ids[1]" },
        { "RevokeRecord", "record_id" },
        { "RevokeRecord successor", "superseded_by" },
        { "ListRecords issuer", "issuer" },
        { "ListRecords subject", "subject" },
        { "ListRecords page_token", "page_token" },
    };

    [Theory]
    [MemberData(nameof(MalformedIdCalls))]
    public async Task A_malformed_id_on_a_read_is_invalid_argument_naming_the_field(string call, string field)
    {
        const string Bad = "0x12zz";
        var good = "0x" + new string('a', 64);
        var evidence = node.Evidence;
        Func<Task> attempt = call switch
        {
            "GetRecord" => () => evidence.GetRecordAsync(new GetRecordRequest { RecordId = Bad }).ResponseAsync,
            "GetRecord empty" => () => evidence.GetRecordAsync(new GetRecordRequest()).ResponseAsync,
            "DownloadContent" => async () =>
            {
                using var download = evidence.DownloadContent(new DownloadContentRequest { RecordId = Bad });
                while (await download.ResponseStream.MoveNext(CancellationToken.None)) { }
            },
            "GetProofBundle" => () => evidence.GetProofBundleAsync(new GetProofBundleRequest { RecordId = Bad }).ResponseAsync,
            "Verify" => () => evidence.VerifyAsync(new VerifyRequest { RecordId = Bad }).ResponseAsync,
            "VerifyContent" => async () =>
            {
                using var verify = evidence.VerifyContent();
                try
                {
                    await verify.RequestStream.WriteAsync(new VerifyContentRequest { Header = new VerifyContentHeader { RecordId = Bad } });
                    await verify.RequestStream.WriteAsync(new VerifyContentRequest { Chunk = ByteString.CopyFromUtf8("bytes") });
                    await verify.RequestStream.CompleteAsync();
                }
                catch (Exception ex) when (ex is RpcException or InvalidOperationException) { } // refused early: the status is the answer
                await verify.ResponseAsync;
            },
            "WatchRecordStatus" => async () =>
            {
                using var watch = evidence.WatchRecordStatus(new WatchRecordStatusRequest { RecordIds = { good, Bad } });
                while (await watch.ResponseStream.MoveNext(CancellationToken.None)) { }
            },
            "RevokeRecord" => () => evidence.RevokeRecordAsync(new RevokeRecordRequest { RecordId = Bad, Signature = ByteString.CopyFrom(new byte[65]) }).ResponseAsync,
            "RevokeRecord successor" => () => evidence.RevokeRecordAsync(new RevokeRecordRequest { RecordId = good, SupersededBy = Bad, Signature = ByteString.CopyFrom(new byte[65]) }).ResponseAsync,
            "ListRecords issuer" => () => evidence.ListRecordsAsync(new ListRecordsRequest { Issuer = "0x12" }).ResponseAsync,
            "ListRecords subject" => () => evidence.ListRecordsAsync(new ListRecordsRequest { Subject = ByteString.CopyFrom(1, 2, 3) }).ResponseAsync,
            "ListRecords page_token" => () => evidence.ListRecordsAsync(new ListRecordsRequest { PageToken = "garbage" }).ResponseAsync,
            _ => throw new ArgumentOutOfRangeException(nameof(call)),
        };

        var error = await Refused(attempt);

        Assert.True(error.StatusCode == StatusCode.InvalidArgument, $"{call}: {error.StatusCode} {error.Status.Detail}");
        Assert.StartsWith(field, error.Status.Detail);
    }

    [Fact]
    public async Task A_page_size_over_500_is_refused_naming_page_size_and_500_is_served()
    {
        var error = await Refused(() => node.Evidence.ListRecordsAsync(new ListRecordsRequest { PageSize = 501 }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("page_size", error.Status.Detail);
        Assert.Contains("500", error.Status.Detail);

        var page = await node.Evidence.ListRecordsAsync(new ListRecordsRequest { PageSize = 500 });
        Assert.True(page.Records.Count <= 500);
    }

    private string BundleOfAnotherChain() => ForeignBundle.Json(OtherChainId, EthereumAddress.Parse(node.Node.Contracts["EvidenceRegistry"]));

    // "remove:a.b", "set:a.b=<json>", "duplicate:member"; anything else replaces the document.
    private static string Edit(string bundleJson, string edit)
    {
        var colon = edit.IndexOf(':', StringComparison.Ordinal);
        var verb = colon > 0 ? edit[..colon] : "";
        if (verb is not ("remove" or "set" or "duplicate")) return edit;
        var argument = edit[(colon + 1)..];
        if (verb == "duplicate") return "{" + $"\"{argument}\": \"0x{new string('1', 64)}\"," + bundleJson.TrimStart()[1..];
        var root = JsonNode.Parse(bundleJson)!.AsObject();
        var (path, value) = verb == "set" ? (argument[..argument.IndexOf('=', StringComparison.Ordinal)], argument[(argument.IndexOf('=', StringComparison.Ordinal) + 1)..]) : (argument, null);
        var steps = path.Split('.');
        var parent = root;
        foreach (var step in steps[..^1]) parent = parent[step]!.AsObject();
        if (value is null) parent.Remove(steps[^1]);
        else parent[steps[^1]] = JsonNode.Parse(value);
        return root.ToJsonString();
    }

    private static Task<RpcException> Refused(Func<Task> call) => EvidenceClientExtensions.ExpectErrorAsync(call);
}
