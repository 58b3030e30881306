using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Trace.Api.Tests.Support;
using Trace.Chain.Contracts.Registries;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Evidence;

/// <summary>The <c>trace</c> command line as a buyer and an operator run it: a real process against the real chain and node.</summary>
[Collection(EvidenceNodeCollection.Name)]
public sealed class CliTests(EvidenceNodeFixture node) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("trace-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Verify_checks_a_bundle_with_only_the_chain_and_names_what_fails()
    {
        var supplier = node.NewSigner();
        await node.RegisterAsync(supplier.Address, ParticipantRoles.Supplier);
        var content = Encoding.UTF8.GetBytes("EPD for lot L-77: 412.5 kgCO2e per t");
        var signed = supplier.Sign(SHA256.HashData(content), RecordKind.Certification, "urn:trace:lot:L-77");
        var id = (await node.Evidence.UploadAsync(new SubmitDocumentHeader { SignedClaim = signed, SubjectId = "urn:trace:lot:L-77", MediaType = "text/plain" }, content)).Record.Id;
        await node.Evidence.WaitForStatusAsync(id, RecordStatus.Confirmed);
        var bundleJson = (await node.Evidence.GetProofBundleAsync(new GetProofBundleRequest { RecordId = id })).BundleJson;
        var bundle = Write("bundle.json", bundleJson);
        var document = Write("epd.txt", content);
        var forged = Write("forged.txt", Encoding.UTF8.GetBytes("EPD for lot L-77: 212.5 kgCO2e per t"));
        var rpc = node.Node.RpcUrl;

        var verified = await RunAsync("verify", "--bundle", bundle, "--rpc", rpc, "--content", document);
        Assert.Equal(0, verified.ExitCode);
        Assert.Contains("VERIFIED", verified.Output);
        Assert.Contains(id, verified.Output);

        var tampered = await RunAsync("verify", "--bundle", bundle, "--rpc", rpc, "--content", forged);
        Assert.Equal(1, tampered.ExitCode);
        Assert.Contains("TAMPERED", tampered.Output);
        Assert.Contains("FAIL content_hash", tampered.Output);

        var json = JsonNode.Parse(bundleJson)!.AsObject();
        json["subjectId"] = "urn:trace:lot:L-78";
        var edited = await RunAsync("verify", "--bundle", Write("edited.json", json.ToJsonString()), "--rpc", rpc);
        Assert.Equal(1, edited.ExitCode);
        Assert.Contains("FAIL subject", edited.Output);

        var malformed = await RunAsync("verify", "--bundle", Write("broken.json", "{\"format\":"), "--rpc", rpc);
        Assert.Equal(2, malformed.ExitCode);
        Assert.Contains("proof_bundle_json", malformed.Output);
    }

    [Fact]
    public async Task Verify_against_an_endpoint_of_another_chain_gives_no_verdict_and_exits_2()
    {
        // docs/proof-bundle.md step 7: the bundle may be valid on its own chain, so this is unusable input, not a verdict.
        var bundle = Write("foreign.json", ForeignBundle.Json(1, Trace.Crypto.EthereumAddress.Parse(node.Node.Contracts["EvidenceRegistry"])));

        var result = await RunAsync("verify", "--bundle", bundle, "--rpc", node.Node.RpcUrl);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("anchor.chainId", result.Output);
        Assert.Contains("chain 1", result.Output);
        Assert.DoesNotContain("UNKNOWN_ROOT", result.Output);
    }

    [Fact]
    public async Task Audit_prints_the_summary_and_exits_non_zero_only_with_findings()
    {
        var audit = await RunAsync("audit", "--node", node.Api.GrpcAddress.ToString());

        Assert.Contains("records audited", audit.Output);
        var findingsLine = audit.Output.Split('\n').Single(l => l.Contains("records audited", StringComparison.Ordinal));
        Assert.Equal(findingsLine.Contains(" 0 findings", StringComparison.Ordinal) ? 0 : 1, audit.ExitCode);
    }

    private string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(RepoPaths.CliDll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
