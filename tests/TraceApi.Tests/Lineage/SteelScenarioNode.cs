using Trace.Api.Tests.Support;
using Trace.Chain.Accounts;
using Trace.Chain.Contracts.Registries;
using Trace.Chain.Rpc;
using Trace.Crypto;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Lineage;

/// <summary>
/// One embedded Trace node (real process, Anvil, SQLite, gRPC over a socket) for the steel scenario, started with the
/// scenario's pinned transport factor set (docs/examples/steel-scenario/factors.json as the operator's factor file),
/// so the default-factor rail leg has a figure known in advance.
/// </summary>
public sealed class SteelScenarioNode : IAsyncLifetime
{
    private const string AdminKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "trace-steel-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly IReadOnlyDictionary<string, string> _extraSettings;
    private EthereumKey? _admin;
    private ParticipantRegistryClient _participants = null!;

    /// <summary>The node as the steel scenario tests run it.</summary>
    public SteelScenarioNode() : this(new Dictionary<string, string>()) { }

    /// <summary>The node with more settings (e.g. the PACT API's clients).</summary>
    internal SteelScenarioNode(IReadOnlyDictionary<string, string> extraSettings) => _extraSettings = extraSettings;

    public TraceApiProcess Api { get; private set; } = null!;
    public GetNodeInfoResponse Node { get; private set; } = null!;
    public EthRpc Eth { get; private set; } = null!;
    public EthereumAddress EvidenceRegistry { get; private set; }
    private JsonRpcClient? _rpc;

    public EvidenceService.EvidenceServiceClient Evidence => new(Api.Channel);

    /// <summary>The operator factor file the node runs with (a copy of the scenario's factors.json in the data directory).</summary>
    public string FactorFile => Path.Combine(_dataDirectory, "scenario-factors.json");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        File.Copy(SteelScenario.PathOf("factors.json"), FactorFile);
        var settings = new Dictionary<string, string>(Support.EvidenceNodeFixture.Settings)
        {
            ["Trace:Carbon:TransportFactorsPath"] = FactorFile,
        };
        // The EPCIS import needs the GS1 schema, which is not redistributed here: configured when the shared copy is present.
        if (Trace.Tests.Support.EpcisExamples.Directory is not null) settings["Trace:Epcis:SchemaPath"] = Trace.Tests.Support.EpcisExamples.SchemaPath;
        foreach (var (key, value) in _extraSettings) settings[key] = value;
        Api = await TraceApiProcess.StartAsync(_dataDirectory, settings);
        Node = await new NodeService.NodeServiceClient(Api.Channel).GetNodeInfoAsync(new GetNodeInfoRequest());
        _rpc = new JsonRpcClient(new Uri(Node.RpcUrl));
        Eth = new EthRpc(_rpc);
        EvidenceRegistry = EthereumAddress.Parse(Node.Contracts["EvidenceRegistry"]);
        _admin = EthereumKey.FromHex(AdminKey);
        _participants = ParticipantRegistryClient.Connect(EthereumAddress.Parse(Node.Contracts["ParticipantRegistry"]), Eth,
            new TransactionSender(Eth, _admin, Node.ChainId));
    }

    /// <summary>Registers a participant owning <paramref name="key"/> with <paramref name="roles"/>, as the registry admin.</summary>
    public Task RegisterAsync(EthereumAddress key, ParticipantRoles roles) =>
        _participants.RegisterParticipantAsync(Keccak256.Hash(key.ToArray()), "urn:trace:test:steel", new byte[32], roles, [key]);

    public async Task DisposeAsync()
    {
        _rpc?.Dispose();
        _admin?.Dispose();
        if (Api is not null) await Api.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
