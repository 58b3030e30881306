using Trace.Api.Tests.Support;
using Trace.Chain.Accounts;
using Trace.Chain.Contracts.Registries;
using Trace.Chain.Rpc;
using Trace.Client.Claims;
using Trace.Crypto;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Hosting;

/// <summary>
/// The API started the way scripts/start.sh starts it: working directory = repository root, the built
/// src/TraceApi/bin/&lt;configuration&gt;/net10.0/Trace.Api.dll, the Production environment and no setting
/// overridden except the data directory and the ports (so the test neither touches ./data nor collides).
/// </summary>
public sealed class StartCommandTests : IDisposable
{
    private const string AdminKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"; // Anvil dev key 0, the embedded operator
    private const string OtherDevKey = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"; // Anvil dev key 1, funded too
    private const string KeystorePassword = "correct horse battery staple 7f3a";
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("trace-start-");

    [Fact]
    public async Task No_record_is_confirmed_before_its_block_has_the_documented_two_confirmations()
    {
        await using var api = await TraceApiProcess.StartAsync(_data.FullName, environment: null);
        var info = await new NodeService.NodeServiceClient(api.Channel).GetNodeInfoAsync(new GetNodeInfoRequest());
        using var rpc = new JsonRpcClient(new Uri(info.RpcUrl));
        var eth = new EthRpc(rpc);
        var signer = new ClaimSigner(EthereumKey.Generate(), info.ChainId, EthereumAddress.Parse(info.Contracts["EvidenceRegistry"]));
        api.Tokens.Keyring.Add(signer.Key);
        using (var admin = EthereumKey.FromHex(AdminKey))
        {
            var participants = ParticipantRegistryClient.Connect(EthereumAddress.Parse(info.Contracts["ParticipantRegistry"]), eth, new TransactionSender(eth, admin, info.ChainId));
            await participants.RegisterParticipantAsync(Keccak256.Hash(signer.Address.ToArray()), "urn:trace:test", new byte[32], ParticipantRoles.Supplier, [signer.Address]);
        }
        var evidence = new EvidenceService.EvidenceServiceClient(api.Channel);
        using var watch = evidence.WatchRecordStatus(new WatchRecordStatusRequest());

        // Embedded Anvil mines a block a second, so one confirmation too few shows within a few batches
        // (the outside client saw 9 of 11); every batch must be seen CONFIRMED only with its block 2 deep.
        for (var batch = 0; batch < 6; batch++)
        {
            var id = (await evidence.SubmitRecordAsync(signer.StructuredRecord($"urn:trace:depth:{batch}", RecordKind.Batch, LineageBodies.Batch($"urn:trace:depth:{batch}")))).Record.Id;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (await watch.ResponseStream.MoveNext(timeout.Token))
            {
                var change = watch.ResponseStream.Current;
                if (change.RecordId != id || change.Status != RecordStatus.Confirmed) continue;
                var head = await eth.BlockNumberAsync();
                var anchored = (await evidence.GetRecordAsync(new GetRecordRequest { RecordId = id })).Record.Anchor.BlockNumber;
                Assert.True(head + 1 >= anchored + 2,
                    $"record {id} was CONFIRMED while the head was block {head} and its block {anchored}: {head + 1 - anchored} confirmation(s), the README's default is 2");
                break;
            }
        }
    }

    [Fact]
    public async Task The_effective_configuration_is_logged_once_without_secrets()
    {
        using var factorKey = EthereumKey.Generate();
        var factorKeyHex = Convert.ToHexStringLower(factorKey.ExportPrivateKey());
        using var adminKey = EthereumKey.Generate();
        var adminKeyHex = Convert.ToHexStringLower(adminKey.ExportPrivateKey());
        var settings = new Dictionary<string, string>
        {
            ["Chain:AdminKey"] = adminKeyHex,
            ["Chain:OperatorKey"] = OtherDevKey,
            ["Chain:OperatorKeystorePassword"] = KeystorePassword,
            ["Trace:Carbon:FactorSigningKey"] = factorKeyHex,
        };
        var api = await TraceApiProcess.StartAsync(_data.FullName, settings, environment: null);
        await api.DisposeAsync(); // all output is in once the process has exited

        var lines = api.Output.Split('\n').Where(l => l.Contains("Effective configuration", StringComparison.Ordinal)).ToArray();
        var line = Assert.Single(lines);
        Assert.Contains($"Trace:DataDirectory={_data.FullName}", line);
        Assert.Contains("Chain:Confirmations=2", line);
        Assert.Contains("Chain:EmbeddedBlockTimeSeconds=1", line);
        Assert.Contains("Chain:ChainId=31337", line);
        Assert.Contains("Api:GrpcUrl=" + api.GrpcAddress.ToString().TrimEnd('/'), line);
        Assert.Contains("Trace:Storage:Provider=Sqlite", line);
        Assert.Contains("Trace:Evidence:MaxMetadataBytes=16384", line);
        Assert.Contains("Chain:OperatorKey=(set, not shown)", line);
        Assert.Contains("Chain:OperatorKeystorePassword=(set, not shown)", line);
        Assert.DoesNotContain(OtherDevKey[2..], api.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(KeystorePassword, api.Output);
        Assert.Contains("Trace:Carbon:TransportFactorsPath=(shipped set)", line);
        Assert.Contains("Trace:Carbon:FactorSigningKey=(set, not shown)", line);
        Assert.DoesNotContain(factorKeyHex, api.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Chain:AdminKey=(set, not shown)", line);
        Assert.DoesNotContain(adminKeyHex, api.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"admin key {adminKey.Address}", api.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try { _data.Delete(recursive: true); } catch (IOException) { }
    }
}
