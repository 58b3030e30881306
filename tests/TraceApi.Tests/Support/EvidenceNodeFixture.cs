using Trace.Chain.Accounts;
using Trace.Chain.Contracts.Registries;
using Trace.Chain.Rpc;
using Trace.Client.Claims;
using Trace.Crypto;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Support;

/// <summary>
/// One embedded Trace node (real process, real Anvil, SQLite, gRPC over a socket) per test collection,
/// plus the registry admin's key (Anvil dev key 0, the embedded operator) to register test participants.
/// </summary>
public sealed class EvidenceNodeFixture : IAsyncLifetime
{
    /// <summary>The upload limit the fixture configures, small so the over-limit case is cheap.</summary>
    public const int MaxBlobBytes = 1024 * 1024;

    private const string AdminKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "trace-e2e-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly SemaphoreSlim _adminLock = new(1, 1);
    private EthereumKey? _admin;

    public TraceApiProcess Api { get; private set; } = null!;
    public GetNodeInfoResponse Node { get; private set; } = null!;
    public EthRpc Eth { get; private set; } = null!;
    public JsonRpcClient Rpc { get; private set; } = null!;
    public EthereumAddress EvidenceRegistry { get; private set; }
    public EthereumAddress ParticipantRegistry { get; private set; }
    private ParticipantRegistryClient _participants = null!;
    private TransactionSender _adminSender = null!;

    public EvidenceService.EvidenceServiceClient Evidence => new(Api.Channel);

    private readonly Dictionary<string, string> _settings;

    public EvidenceNodeFixture() : this(null)
    {
    }

    /// <summary>A node with <see cref="Settings"/> overridden by <paramref name="overrides"/> (internal: xunit needs one public constructor).</summary>
    internal EvidenceNodeFixture(IDictionary<string, string>? overrides)
    {
        _settings = Settings;
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>()) _settings[key] = value;
    }

    public async Task InitializeAsync()
    {
        Api = await TraceApiProcess.StartAsync(_dataDirectory, _settings);
        Node = await new NodeService.NodeServiceClient(Api.Channel).GetNodeInfoAsync(new GetNodeInfoRequest());
        Rpc = new JsonRpcClient(new Uri(Node.RpcUrl));
        Eth = new EthRpc(Rpc);
        EvidenceRegistry = EthereumAddress.Parse(Node.Contracts["EvidenceRegistry"]);
        ParticipantRegistry = EthereumAddress.Parse(Node.Contracts["ParticipantRegistry"]);
        _admin = EthereumKey.FromHex(AdminKey);
        _adminSender = new TransactionSender(Eth, _admin, Node.ChainId);
        _participants = ParticipantRegistryClient.Connect(ParticipantRegistry, Eth, _adminSender);
    }

    /// <summary>Settings every node of these tests runs with (also used when a test restarts its own node).</summary>
    public static Dictionary<string, string> Settings => new()
    {
        ["Trace:Anchoring:MaxBatchDelayMilliseconds"] = "300",
        ["Trace:Blobs:MaxBlobBytes"] = MaxBlobBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Trace:Evidence:IssuerCacheDuration"] = "00:00:00.200",
        ["Chain:Confirmations"] = "2",
    };

    /// <summary>A signer with a fresh key, held by the channel's keyring so its submissions are signed in as it.</summary>
    public ClaimSigner NewSigner()
    {
        var key = EthereumKey.Generate();
        Api.Tokens.Keyring.Add(key);
        return new(key, Node.ChainId, EvidenceRegistry);
    }

    /// <summary>Registers a participant owning <paramref name="key"/> with <paramref name="roles"/>, as the registry admin.</summary>
    public async Task RegisterAsync(EthereumAddress key, ParticipantRoles roles)
    {
        await _adminLock.WaitAsync();
        try
        {
            await _participants.RegisterParticipantAsync(ParticipantId(key), "urn:trace:test", new byte[32], roles, [key]);
        }
        finally { _adminLock.Release(); }
    }

    /// <summary>Registers one participant owning every key of <paramref name="keys"/> (an organisation with several keys), as the registry admin.</summary>
    public async Task RegisterAsync(EthereumAddress[] keys, ParticipantRoles roles)
    {
        await _adminLock.WaitAsync();
        try
        {
            await _participants.RegisterParticipantAsync(ParticipantId(keys[0]), "urn:trace:test", new byte[32], roles, keys);
        }
        finally { _adminLock.Release(); }
    }

    /// <summary>Sends <paramref name="wei"/> from the admin's dev account, so a test key can pay for its own transactions.</summary>
    public async Task FundAsync(EthereumAddress to, System.Numerics.BigInteger wei)
    {
        await _adminLock.WaitAsync();
        try { await _adminSender.SendAndWaitAsync(new TransactionRequest(to, [], wei)); }
        finally { _adminLock.Release(); }
    }

    public async Task SuspendAsync(EthereumAddress key)
    {
        await _adminLock.WaitAsync();
        try { await _participants.SuspendParticipantAsync(ParticipantId(key), 1); }
        finally { _adminLock.Release(); }
    }

    /// <summary>
    /// Stops the node (SIGTERM), runs <paramref name="whileStopped"/> on its data directory, and starts it again on the
    /// same directory with the same settings (the embedded chain keeps its state).
    /// </summary>
    public async Task RestartAsync(Func<string, Task>? whileStopped = null)
    {
        await Api.DisposeAsync();
        if (whileStopped is not null) await whileStopped(_dataDirectory);
        Api = await TraceApiProcess.StartAsync(_dataDirectory, _settings, TimeSpan.FromMinutes(3));
        Node = await new NodeService.NodeServiceClient(Api.Channel).GetNodeInfoAsync(new GetNodeInfoRequest());
    }

    /// <summary>The node's data directory.</summary>
    public string DataDirectory => _dataDirectory;

    public static byte[] ParticipantId(EthereumAddress key) => Keccak256.Hash(key.ToArray());

    public async Task DisposeAsync()
    {
        Rpc?.Dispose();
        _admin?.Dispose();
        if (Api is not null) await Api.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Tests in this collection share one Trace node.</summary>
[CollectionDefinition(Name)]
public sealed class EvidenceNodeCollection : ICollectionFixture<EvidenceNodeFixture>
{
    public const string Name = "evidence-node";
}
