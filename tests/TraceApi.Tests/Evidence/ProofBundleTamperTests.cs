using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Grpc.Core;
using Trace.Api.Tests.Support;
using Trace.Chain.Contracts.Registries;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Evidence;

/// <summary>A proof bundle with any verifiable member changed fails with the status docs/proof-bundle.md names for it.</summary>
[Collection(EvidenceNodeCollection.Name)]
public sealed class ProofBundleTamperTests(EvidenceNodeFixture node) : IAsyncLifetime
{
    private string _bundleJson = null!;

    public async Task InitializeAsync()
    {
        var signer = node.NewSigner();
        await node.RegisterAsync(signer.Address, ParticipantRoles.Supplier);
        // Three records submitted together share a batch, so the proof has siblings to tamper with.
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var content = Encoding.UTF8.GetBytes($"EPD {i} {Guid.NewGuid()}");
            var signed = signer.Sign(SHA256.HashData(content), RecordKind.Certification, $"urn:trace:epd:{i}");
            ids.Add((await node.Evidence.UploadAsync(new SubmitDocumentHeader { SignedClaim = signed, SubjectId = $"urn:trace:epd:{i}", MediaType = "application/pdf" }, content)).Record.Id);
        }
        foreach (var id in ids) await node.Evidence.WaitForStatusAsync(id, RecordStatus.Confirmed);
        _bundleJson = (await node.Evidence.GetProofBundleAsync(new GetProofBundleRequest { RecordId = ids[1] })).BundleJson;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_untouched_bundle_verifies()
    {
        Assert.Equal(VerificationStatus.Verified, await VerifyAsync(_bundleJson));
        Assert.NotEmpty(JsonNode.Parse(_bundleJson)!["merkle"]!["proof"]!.AsArray());
    }

    [Theory]
    [InlineData("claim.contentHash", VerificationStatus.BadProof)]
    [InlineData("claim.kind", VerificationStatus.BadProof)]
    [InlineData("claim.subject", VerificationStatus.BadProof)]
    [InlineData("claim.issuer", VerificationStatus.BadProof)]
    [InlineData("claim.issuedAt", VerificationStatus.BadProof)]
    [InlineData("claim.nonce", VerificationStatus.BadProof)]
    [InlineData("subjectId", VerificationStatus.BadProof)]
    [InlineData("recordId", VerificationStatus.BadProof)]
    [InlineData("signature", VerificationStatus.BadSignature)]
    [InlineData("domain.chainId", VerificationStatus.BadProof)]
    [InlineData("domain.verifyingContract", VerificationStatus.BadProof)]
    [InlineData("merkle.leaf", VerificationStatus.BadProof)]
    [InlineData("merkle.proof.0", VerificationStatus.BadProof)]
    [InlineData("merkle.root", VerificationStatus.BadProof)]
    [InlineData("anchor.chainId", VerificationStatus.BadProof)]
    [InlineData("anchor.registry", VerificationStatus.BadProof)]
    // The anchor members are not signed: the chain contradicting any of them is UNKNOWN_ROOT (docs/proof-bundle.md steps 8-9).
    [InlineData("anchor.txHash", VerificationStatus.UnknownRoot)]
    [InlineData("anchor.blockNumber", VerificationStatus.UnknownRoot)]
    [InlineData("anchor.blockHash", VerificationStatus.UnknownRoot)]
    public async Task Changing_a_verifiable_member_fails_with_its_precise_status(string member, VerificationStatus expected)
    {
        var tampered = Mutate(_bundleJson, member);
        Assert.NotEqual(_bundleJson, tampered);
        Assert.Equal(expected, await VerifyAsync(tampered));
    }

    [Fact]
    public async Task An_anchor_pointing_at_another_real_block_is_unknown_root_not_pending()
    {
        // What a bundle made before a reorganisation looks like, or one whose anchor was moved: a real, canonical block
        // that does not hold this root. docs/proof-bundle.md step 9: UNKNOWN_ROOT (waiting would never make it verify).
        var json = JsonNode.Parse(_bundleJson)!;
        var anchored = json["anchor"]!["blockNumber"]!.GetValue<ulong>();
        var other = await node.Eth.GetBlockAsync(Trace.Chain.Rpc.BlockTag.Number(anchored - 1));
        json["anchor"]!["blockNumber"] = anchored - 1;
        json["anchor"]!["blockHash"] = Convert.ToHexStringLower(other!.Hash).Insert(0, "0x");
        Assert.Equal(VerificationStatus.UnknownRoot, await VerifyAsync(json.ToJsonString()));

        json = JsonNode.Parse(_bundleJson)!;
        json["anchor"]!["blockHash"] = Convert.ToHexStringLower(other.Hash).Insert(0, "0x"); // the number kept, the hash of another block
        Assert.Equal(VerificationStatus.UnknownRoot, await VerifyAsync(json.ToJsonString()));
    }

    [Fact]
    public async Task A_signature_with_a_flipped_recovery_byte_is_a_bad_signature()
    {
        var json = JsonNode.Parse(_bundleJson)!;
        var signature = json["signature"]!.GetValue<string>();
        json["signature"] = signature[..^2] + (signature[^2..] == "1b" ? "1c" : "1b");
        Assert.Equal(VerificationStatus.BadSignature, await VerifyAsync(json.ToJsonString()));
    }

    [Fact]
    public async Task A_bundle_of_another_format_is_refused_naming_the_member()
    {
        var json = JsonNode.Parse(_bundleJson)!;
        json["format"] = "trace.proof-bundle/v2";
        var error = await EvidenceClientExtensions.ExpectErrorAsync(() => node.Evidence.VerifyAsync(new VerifyRequest { ProofBundleJson = json.ToJsonString() }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("proof_bundle_json.format", error.Status.Detail);
    }

    [Theory]
    [InlineData("merkle.leafIndex")]
    [InlineData("content.length")]
    [InlineData("status")]
    [InlineData("generatedAt")]
    public async Task Informational_members_do_not_change_the_verdict(string member)
    {
        // docs/proof-bundle.md: these describe the record; nothing on chain commits to them.
        Assert.Equal(VerificationStatus.Verified, await VerifyAsync(Mutate(_bundleJson, member)));
    }

    private async Task<VerificationStatus> VerifyAsync(string bundleJson) =>
        (await node.Evidence.VerifyAsync(new VerifyRequest { ProofBundleJson = bundleJson })).Result.Status;

    /// <summary>Changes one member minimally: one hex digit of a hash, +1 on a number, another valid address or string.</summary>
    private static string Mutate(string bundleJson, string member)
    {
        var root = JsonNode.Parse(bundleJson)!;
        var path = member.Split('.');
        JsonNode parent = root;
        foreach (var step in path[..^1]) parent = parent[step]!;
        var last = path[^1];
        JsonNode current = int.TryParse(last, out var index) ? parent[index]! : parent[last]!;
        JsonNode replacement = current.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.Number => JsonValue.Create(current.GetValue<long>() + 1),
            _ => JsonValue.Create(MutateText(current.GetValue<string>()))!,
        };
        if (int.TryParse(last, out index)) parent.AsArray()[index] = replacement;
        else parent[last] = replacement;
        return root.ToJsonString();
    }

    private static string MutateText(string text)
    {
        if (text.StartsWith("0x", StringComparison.Ordinal) && text.Length == 42)
            return "0x" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)); // another (all lower-case, valid) address
        if (text.StartsWith("0x", StringComparison.Ordinal))
            return text[..^1] + (text[^1] == '0' ? '1' : '0');
        if (text is "CONFIRMED" or "ANCHORED") return text == "CONFIRMED" ? "ANCHORED" : "CONFIRMED";
        if (DateTimeOffset.TryParse(text, out var time)) return time.AddSeconds(1).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ");
        return text + "x";
    }
}
