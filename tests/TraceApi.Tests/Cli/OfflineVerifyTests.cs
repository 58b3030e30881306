using System.Text;
using Trace.Api.Tests.Support;
using Trace.Node.LocalChain;

namespace Trace.Api.Tests.Cli;

/// <summary>
/// <c>trace verify --bundle</c> needs nothing of Trace: the node is stopped, only the chain still runs, and a saved
/// bundle verifies (exit 0) while the same bundle with one byte changed does not (exit 1).
/// </summary>
public sealed class OfflineVerifyTests : IAsyncLifetime
{
    private const string DevKey0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private readonly string _directory = Directory.CreateTempSubdirectory("trace-cli-offline-").FullName;
    private readonly AnvilManager _chain = new(new AnvilOptions { BlockTimeSeconds = 1 });

    public Task InitializeAsync() => _chain.StartAsync();

    public async Task DisposeAsync()
    {
        await _chain.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_saved_bundle_verifies_with_the_node_stopped_and_one_changed_byte_fails_it()
    {
        // The node anchors to a chain it does not own (external mode), so stopping it leaves the chain running.
        var settings = new Dictionary<string, string>(EvidenceNodeFixture.Settings)
        {
            ["Chain:RpcUrl"] = _chain.RpcUrl.ToString(),
            ["Chain:OperatorKey"] = DevKey0,
            ["Chain:AdminKey"] = DevKey0,
        };
        var api = await TraceApiProcess.StartAsync(Path.Combine(_directory, "data"), settings);
        var cli = new TraceCliProcess(Path.Combine(_directory, "home"), api.GrpcAddress);
        string bundle;
        try
        {
            var supplier = (await cli.RunAsync("keys", "new", "supplier", "--light", "--json")).Exits(0).Json["address"]!.GetValue<string>();
            (await cli.RunAsync(["keys", "import", "admin", "--light"], new Dictionary<string, string> { ["TRACE_IMPORT_KEY"] = DevKey0 })).Exits(0);
            (await cli.RunAsync("--key", "admin", "participants", "register", "--name", "Ningbo Precision Castings Co., Ltd.", "--country", "CN",
                "--gln", CliRoleJourneyTests.Gln(), "--role", "supplier", "--address", supplier, "--json")).Exits(0);
            var document = Path.Combine(_directory, "epd.txt");
            await File.WriteAllTextAsync(document, "EPD for lot L-77: 412.5 kgCO2e per t");
            var record = (await cli.RunAsync("--key", "supplier", "submit", document, "--kind", "certification", "--subject", "urn:trace:lot:L-77", "--wait", "--json"))
                .Exits(0).Json["records"]![0]!["record"]!["id"]!.GetValue<string>();
            bundle = Path.Combine(_directory, "bundle.json");
            (await cli.RunAsync("proof", record, "-o", bundle, "--json")).Exits(0);
        }
        finally
        {
            await api.DisposeAsync();
        }
        (await cli.RunAsync("node", "info", "--json")).Exits(3); // the node is gone; the chain is not

        var offline = new TraceCliProcess(Path.Combine(_directory, "home"), node: null);
        var verified = (await offline.RunAsync("verify", "--bundle", bundle, "--rpc", _chain.RpcUrl.ToString(), "--content", Path.Combine(_directory, "epd.txt"))).Exits(0);
        Assert.StartsWith("VERIFIED: a certification record about urn:trace:lot:L-77", verified.Output);
        Assert.Contains("is exactly what was signed", verified.Output);

        // One byte of the bundle changed: a hex digit of the Merkle root.
        var text = await File.ReadAllTextAsync(bundle);
        var at = text.IndexOf("\"root\"", StringComparison.Ordinal);
        Assert.True(at > 0, text);
        var digit = text.IndexOf("0x", at, StringComparison.Ordinal) + 2;
        var changed = new StringBuilder(text) { [digit] = text[digit] == 'a' ? 'b' : 'a' }.ToString();
        var tampered = Path.Combine(_directory, "bundle-changed.json");
        await File.WriteAllTextAsync(tampered, changed);
        var refused = (await offline.RunAsync("verify", "--bundle", tampered, "--rpc", _chain.RpcUrl.ToString(), "--json")).Exits(1).Json;
        Assert.NotEqual("VERIFIED", refused["status"]!.GetValue<string>());
        Assert.StartsWith("NOT VERIFIED", refused["statement"]!.GetValue<string>());
    }
}
