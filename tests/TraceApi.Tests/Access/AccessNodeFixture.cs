using System.Security.Cryptography;
using Grpc.Core;
using Trace.Api.Tests.Support;
using Trace.Chain.Accounts;
using Trace.Chain.Contracts.Registries;
using Trace.Chain.Rpc;
using Trace.Client.Access;
using Trace.Crypto;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Access;

/// <summary>
/// A node for the access tests: a known token-signing key (so a test can forge an expired token the node would
/// otherwise accept), short challenges and a fast key-standing follower, and one signed-in key per role.
/// </summary>
public sealed class AccessNodeFixture : IAsyncLifetime
{
    /// <summary>The admin (Anvil dev key 0, the embedded deployer: DEFAULT_ADMIN_ROLE, no participant).</summary>
    public const string AdminKeyHex = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    /// <summary>How long a challenge can be answered on this node.</summary>
    public static readonly TimeSpan ChallengeLifetime = TimeSpan.FromSeconds(3);

    public static readonly byte[] SigningKey = RandomNumberGenerator.GetBytes(32);

    private readonly string _data = Path.Combine(Path.GetTempPath(), "trace-access-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly List<EthereumKey> _keys = [];
    private JsonRpcClient? _rpc;

    public TraceApiProcess Api { get; private set; } = null!;
    public GetNodeInfoResponse Node { get; private set; } = null!;
    public ParticipantRegistryClient Registry { get; private set; } = null!;
    public EthereumKey Admin { get; } = EthereumKey.FromHex(AdminKeyHex);

    /// <summary>Access tokens by caller name: admin, supplier, carrier, verifier, regulator, buyer, suspended, retired.</summary>
    public Dictionary<string, string> Tokens { get; } = [];

    /// <summary>The signed-in keys by caller name (participants only).</summary>
    public Dictionary<string, EthereumKey> Keys { get; } = [];

    public CallInvoker Raw => Api.RawChannel.CreateCallInvoker();

    public async Task InitializeAsync()
    {
        Api = await TraceApiProcess.StartAsync(_data, new Dictionary<string, string>(EvidenceNodeFixture.Settings)
        {
            ["Trace:Access:TokenSigningKey"] = Convert.ToBase64String(SigningKey),
            ["Trace:Access:ChallengeLifetime"] = ChallengeLifetime.ToString(),
            ["Trace:Access:StandingPollIntervalMilliseconds"] = "200",
        });
        Node = await new NodeService.NodeServiceClient(Api.RawChannel).GetNodeInfoAsync(new GetNodeInfoRequest());
        _rpc = new JsonRpcClient(new Uri(Node.RpcUrl));
        var eth = new EthRpc(_rpc);
        Registry = ParticipantRegistryClient.Connect(EthereumAddress.Parse(Node.Contracts["ParticipantRegistry"]), eth, new TransactionSender(eth, Admin, Node.ChainId));

        foreach (var (name, role) in new[] { ("supplier", ParticipantRoles.Supplier), ("carrier", ParticipantRoles.Carrier), ("verifier", ParticipantRoles.Verifier),
                     ("regulator", ParticipantRoles.Regulator), ("buyer", ParticipantRoles.Buyer), ("suspended", ParticipantRoles.Supplier) })
            Keys[name] = await RegisterAsync(role);
        // The retired key belongs to a supplier that keeps another, active key.
        var spare = NewKey();
        var retired = NewKey();
        await Registry.RegisterParticipantAsync(Keccak256.Hash(retired.Address.ToArray()), "urn:trace:test", new byte[32], ParticipantRoles.Supplier, [spare.Address, retired.Address]);
        Keys["retired"] = retired;

        Tokens["admin"] = (await SignInClient.SignInAsync(Raw, Admin)).AccessToken;
        foreach (var (name, key) in Keys) Tokens[name] = (await SignInClient.SignInAsync(Raw, key)).AccessToken;

        // Their tokens were issued while they stood; the registry changes after.
        await Registry.SuspendParticipantAsync(Keccak256.Hash(Keys["suspended"].Address.ToArray()), 1);
        await Registry.RetireKeyAsync(retired.Address, Trace.Chain.Contracts.Registries.KeyRetirementReason.Retired);
    }

    /// <summary>A fresh key registered as its own participant with <paramref name="roles"/>.</summary>
    public async Task<EthereumKey> RegisterAsync(ParticipantRoles roles)
    {
        var key = NewKey();
        await Registry.RegisterParticipantAsync(Keccak256.Hash(key.Address.ToArray()), "urn:trace:test", new byte[32], roles, [key.Address]);
        return key;
    }

    /// <summary>Call options carrying <paramref name="token"/> (none when null).</summary>
    public static Metadata Bearer(string? token) => token is null ? [] : new Metadata { { "authorization", "Bearer " + token } };

    private EthereumKey NewKey()
    {
        var key = EthereumKey.Generate();
        _keys.Add(key);
        return key;
    }

    public async Task DisposeAsync()
    {
        _rpc?.Dispose();
        Admin.Dispose();
        foreach (var key in _keys) key.Dispose();
        if (Api is not null) await Api.DisposeAsync();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Tests sharing the access node.</summary>
[CollectionDefinition(Name)]
public sealed class AccessNodeCollection : ICollectionFixture<AccessNodeFixture>
{
    public const string Name = "access-node";
}
