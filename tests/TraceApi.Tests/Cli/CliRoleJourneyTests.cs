using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Trace.Api.Tests.Support;

namespace Trace.Api.Tests.Cli;

/// <summary>
/// A supplier, a buyer and a regulator do their jobs with the real <c>trace</c> binary against a running node: keys,
/// onboarding by the registry admin, submission, footprint, proof bundle, offline verification, content checks and
/// the audit; every answer read from --json and every exit code as docs/cli.md documents it.
/// </summary>
[Collection(EvidenceNodeCollection.Name)]
public sealed class CliRoleJourneyTests(EvidenceNodeFixture node) : IDisposable
{
    /// <summary>Anvil's development account #1, the embedded node's registry admin.</summary>
    private const string EmbeddedAdminKey = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    private readonly string _directory = Directory.CreateTempSubdirectory("trace-cli-journey-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_supplier_submits_a_buyer_verifies_offline_and_a_regulator_checks_content_through_the_binary()
    {
        var cli = new TraceCliProcess(Path.Combine(_directory, "home"), node.Api.GrpcAddress);

        // Keys: generated and imported into the keystore folder, passwords from the environment only.
        var supplier = (await cli.RunAsync("keys", "new", "supplier", "--light", "--json")).Exits(0).Json["address"]!.GetValue<string>();
        var buyer = (await cli.RunAsync("keys", "new", "buyer", "--light", "--json")).Exits(0).Json["address"]!.GetValue<string>();
        var regulator = (await cli.RunAsync("keys", "new", "regulator", "--light", "--json")).Exits(0).Json["address"]!.GetValue<string>();
        (await cli.RunAsync(["keys", "import", "admin", "--light", "--json"], new Dictionary<string, string> { ["TRACE_IMPORT_KEY"] = EmbeddedAdminKey })).Exits(0);
        var keys = (await cli.RunAsync("keys", "list", "--json")).Exits(0).Json["keys"]!.AsArray();
        Assert.Equal(["admin", "buyer", "regulator", "supplier"], keys.Select(k => k!["name"]!.GetValue<string>()).Order());
        (await cli.RunAsync(["--key", "supplier", "login", "--json"], new Dictionary<string, string> { ["TRACE_KEY_PASSWORD"] = "wrong" })).Exits(2);

        // The registry admin onboards the three organisations; a supplier's key may not.
        var supplierGln = Gln();
        var onboarded = (await Register(cli, "admin", "Ningbo Precision Castings Co., Ltd.", "CN", supplierGln, "supplier", supplier)).Exits(0).Json;
        Assert.Equal("gln:" + supplierGln, onboarded["participant"]!["participantId"]!.GetValue<string>());
        var buyerId = (await Register(cli, "admin", "Rotterdam Auto Assembly B.V.", "NL", Gln(), "buyer", buyer)).Exits(0).Json["participant"]!["participantId"]!.GetValue<string>();
        await Register(cli, "admin", "Douane Rotterdam, CBAM desk", "NL", Gln(), "regulator", regulator);
        Assert.Equal(4, (await Register(cli, "supplier", "Not Allowed Ltd", "DE", Gln(), "supplier", buyer)).ExitCode);

        var login = (await cli.RunAsync("--key", "supplier", "login", "--json")).Exits(0).Json;
        Assert.Equal("gln:" + supplierGln, login["participantId"]!.GetValue<string>());
        Assert.Contains("PARTICIPANT_ROLE_SUPPLIER", login["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Null(login["accessToken"]);

        // The supplier submits a batch (waiting for its confirmation), a certificate and a folder of ESG files.
        var batchId = $"https://id.gs1.org/01/09506000134352/10/CLI{RandomNumberGenerator.GetHexString(6)}";
        var body = LineageBodies.BatchObject(batchId, "Cast steel brackets", "1200", "KGM");
        body["emissions"] = new JsonObject { ["scope1"] = new JsonObject { ["kgCO2e"] = "3150.25", ["method"] = "measured" } };
        var submitted = (await cli.RunAsync("--key", "supplier", "batch", Write("batch.json", body.ToJsonString()), "--wait", "--json")).Exits(0).Json["records"]![0]!;
        Assert.True(submitted["created"]!.GetValue<bool>());
        var recordId = submitted["record"]!["id"]!.GetValue<string>();
        Assert.Equal("RECORD_STATUS_CONFIRMED", submitted["record"]!["status"]!.GetValue<string>());
        var certificate = (await cli.RunAsync("--key", "supplier", "submit", Write("certificate.txt", "ISO 14067 verification statement, lot " + batchId), "--kind", "certification", "--subject", batchId, "--json"))
            .Exits(0).Json["records"]![0]!["record"]!["id"]!.GetValue<string>();
        Directory.CreateDirectory(Path.Combine(_directory, "esg"));
        for (var i = 0; i < 3; i++) await File.WriteAllTextAsync(Path.Combine(_directory, "esg", $"report-{i}.csv"), $"site,kgCO2e\nningbo-{i},{100 + i}\n");
        var folder = (await cli.RunAsync("--key", "supplier", "submit", Path.Combine(_directory, "esg"), "--kind", "supplier-esg-file", "--json")).Exits(0).Json;
        Assert.Equal(3, folder["accepted"]!.GetValue<int>());
        Assert.True(folder["bytes"]!.GetValue<long>() > 0);

        // A buyer may not submit evidence (PERMISSION_DENIED, exit 4), but reads the footprint and saves the proof.
        var refused = (await cli.RunAsync("--key", "buyer", "batch", Write("buyer-batch.json", LineageBodies.Batch(batchId + "B")), "--json")).Exits(4).Json;
        Assert.Equal(4, refused["exitCode"]!.GetValue<int>());
        var footprint = (await cli.RunAsync("--key", "buyer", "footprint", batchId, "--json")).Exits(0).Json;
        Assert.Equal(3150.25m, decimal.Parse(footprint["totalKgCo2e"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        Assert.Equal(recordId, footprint["batchRecordId"]!.GetValue<string>());
        var bundle = Path.Combine(_directory, "bundle.json");
        (await cli.RunAsync("--key", "buyer", "proof", recordId, "-o", bundle, "--json")).Exits(0);

        // Offline: only the chain's RPC URL. The statement says what was proven and that the content was not checked.
        var verdict = (await cli.RunAsync("verify", "--bundle", bundle, "--rpc", node.Node.RpcUrl, "--json")).Exits(0).Json;
        Assert.Equal("VERIFIED", verdict["status"]!.GetValue<string>());
        Assert.Equal("gln:" + supplierGln, verdict["issuerOrganisation"]!.GetValue<string>());
        Assert.False(verdict["contentChecked"]!.GetValue<bool>());
        var statement = verdict["statement"]!.GetValue<string>();
        Assert.Contains($"a batch record about {batchId} was signed by gln:{supplierGln}", statement);
        Assert.Contains("on chain 31337", statement);
        Assert.Contains("NOT checked", statement);
        var human = (await cli.RunAsync("verify", "--bundle", bundle, "--rpc", node.Node.RpcUrl)).Exits(0).Output;
        Assert.StartsWith("VERIFIED: a batch record about " + batchId, human);

        // The regulator reads the stored record; a pretty-printed copy is the same record (canonical JSON), an edited one is not.
        var copy = Path.Combine(_directory, "record.json");
        (await cli.RunAsync("--key", "regulator", "records", "show", recordId, "--content", copy, "--json")).Exits(0);
        var pretty = Write("record-pretty.json", JsonNode.Parse(await File.ReadAllTextAsync(copy))!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        Assert.NotEqual(await File.ReadAllTextAsync(copy), await File.ReadAllTextAsync(pretty));
        var checkedCopy = (await cli.RunAsync("verify", "--bundle", bundle, "--rpc", node.Node.RpcUrl, "--content", pretty, "--json")).Exits(0).Json;
        Assert.True(checkedCopy["contentChecked"]!.GetValue<bool>());
        Assert.True(checkedCopy["contentComparedAsCanonicalJson"]!.GetValue<bool>());
        var edited = Write("record-edited.json", (await File.ReadAllTextAsync(pretty)).Replace("3150.25", "315.25", StringComparison.Ordinal));
        Assert.Equal("TAMPERED", (await cli.RunAsync("verify", "--bundle", bundle, "--rpc", node.Node.RpcUrl, "--content", edited, "--json")).Exits(1).Json["status"]!.GetValue<string>());

        // Against Trace: the node finds the record the pretty copy is; the regulator lists the supplier's records and audits the index.
        var found = (await cli.RunAsync("verify", pretty, "--json")).Exits(0).Json;
        Assert.Equal(recordId, found["recordId"]!.GetValue<string>());
        var listed = (await cli.RunAsync("--key", "regulator", "records", "list", "--issuer", supplier, "--json")).Exits(0).Json["records"]!.AsArray();
        Assert.Contains(recordId, listed.Select(r => r!["id"]!.GetValue<string>()));
        var audit = await cli.RunAsync("--key", "regulator", "audit", "--json");
        Assert.Equal(ulong.Parse(audit.Json["summary"]!["findings"]!.ToString(), CultureInfo.InvariantCulture) == 0 ? 0 : 1, audit.ExitCode);
        var pact = (await cli.RunAsync("audit", "pact", batchId, "--json")).Exits(0).Json;
        Assert.Contains(batchId, pact["content"]!.GetValue<string>());

        // The operator rebuilds the index from the chain and the blob journal beside the live one; a regulator may not.
        (await cli.RunAsync("--key", "regulator", "audit", "rebuild", "--json")).Exits(4);
        var rebuildName = $"cli-{RandomNumberGenerator.GetHexString(6).ToLowerInvariant()}.db";
        var rebuild = await cli.RunAsync(["--key", "admin", "audit", "rebuild", "--name", rebuildName, "--json"], timeout: TimeSpan.FromMinutes(4));
        var rebuilt = rebuild.Json;
        var leftOut = (rebuilt["problems"]?.AsArray().Count ?? 0) + (rebuilt["refused"]?.AsArray().Count ?? 0);
        Assert.Equal(leftOut == 0 ? 0 : 1, rebuild.ExitCode);
        Assert.EndsWith(Path.Combine("rebuilds", rebuildName), rebuilt["databasePath"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(File.Exists(rebuilt["databasePath"]!.GetValue<string>()));
        Assert.True(ulong.Parse(rebuilt["records"]!.ToString(), CultureInfo.InvariantCulture) >= 3); // at least this journey's
        (await cli.RunAsync("--key", "admin", "audit", "rebuild", "--name", rebuildName, "--json")).Exits(6); // that name exists
        (await cli.RunAsync("--key", "admin", "audit", "rebuild", "--name", "../escape.db", "--json")).Exits(2);

        // The supplier shares its certificate with the buyer, then withdraws it: it verifies REVOKED from then on (exit 1).
        (await cli.RunAsync("--key", "supplier", "records", "watch", certificate, "--until", "confirmed", "--json")).Exits(0);
        var grant = (await cli.RunAsync("--key", "supplier", "grant", "--to", buyerId, "--record", certificate, "--json")).Exits(0).Json;
        Assert.Equal(buyerId, grant["grant"]!["granteeParticipantId"]!.GetValue<string>());
        (await cli.RunAsync("--key", "supplier", "revoke", certificate, "--json")).Exits(0);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        CliResult revoked;
        do revoked = await cli.RunAsync("verify", "--record", certificate, "--json");
        while (revoked.ExitCode == 0 && DateTime.UtcNow < deadline);
        Assert.Equal("REVOKED", revoked.Exits(1).Json["status"]!.GetValue<string>());

        // Documented failures: a private key on the command line (2), no such record (5), not a record id (2), no node listening (3).
        Assert.Contains("never put a private key on the command line", (await cli.RunAsync("--key", EmbeddedAdminKey, "login")).Exits(2).Output);
        (await cli.RunAsync("records", "show", "0x" + new string('0', 64), "--json")).Exits(5);
        (await cli.RunAsync("records", "show", "0x1234", "--json")).Exits(2);
        (await cli.RunAsync("--node", "http://127.0.0.1:1", "node", "info", "--json")).Exits(3);
    }

    private Task<CliResult> Register(TraceCliProcess cli, string key, string name, string country, string gln, string role, string address) =>
        cli.RunAsync("--key", key, "participants", "register", "--name", name, "--country", country, "--gln", gln, "--role", role, "--address", address, "--json");

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A random GLN with its GS1 check digit.</summary>
    internal static string Gln()
    {
        var digits = "40" + string.Concat(Enumerable.Range(0, 10).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10))));
        var sum = digits.Select((c, i) => (c - '0') * (i % 2 == 0 ? 1 : 3)).Sum();
        return digits + (char)('0' + (10 - sum % 10) % 10);
    }
}
