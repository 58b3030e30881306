using Grpc.Core;
using Trace.Api.Access;
using Trace.Chain.Accounts;
using Trace.Chain.Contracts.Registries;
using Trace.Chain.Rpc;
using Trace.Client.Access;
using Trace.Crypto;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Support;

/// <summary>
/// Signs the tests' calls in like real clients would (EIP-4361 sign-in, real tokens): a submission as its claim's issuer
/// when the test's key is in <see cref="Keyring"/>, every other call as the node's "test reader", a participant holding
/// every role (registered lazily by the registry admin, Anvil dev key 0), and the admin-only RPCs as that admin, so
/// tests written before sign-in need no change.
/// </summary>
public sealed class TestAccessTokens(CallInvoker raw, string dataDirectory) : IAccessTokenProvider, IDisposable
{
    /// <summary>The node operator's admin key in tests (Anvil development account #0), which admin-only RPCs are signed in with.</summary>
    public const string AdminKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private const ParticipantRoles EveryRole = ParticipantRoles.Supplier | ParticipantRoles.Carrier | ParticipantRoles.Verifier
        | ParticipantRoles.Regulator | ParticipantRoles.Buyer;

    private readonly SemaphoreSlim _setup = new(1, 1);
    // One reader per data directory: a node restarted on the same data finds it registered already.
    private readonly EthereumKey _reader = EthereumKey.FromPrivateKey(Keccak256.Hash(System.Text.Encoding.UTF8.GetBytes("trace-test-reader:" + dataDirectory)));
    private readonly EthereumKey _admin = EthereumKey.FromHex(AdminKey);
    private readonly AccessTokenCache _adminTokens = new(raw);
    private bool _registered;

    /// <summary>The keys submissions are signed in as (their claim's issuer).</summary>
    public KeyringAccessTokenProvider Keyring { get; } = new(raw);

    /// <summary>The all-roles participant key used for calls that submit no held issuer's claim.</summary>
    public EthereumAddress Reader => _reader.Address;

    public bool NeedsFirstMessage(string method) => Keyring.NeedsFirstMessage(method);

    public async ValueTask<string?> GetTokenAsync(string method, object? request, CancellationToken ct)
    {
        // Public calls the fixtures make before anything is registered, and sign-in itself: no token needed.
        if (method.StartsWith("/grpc.", StringComparison.Ordinal) || method.StartsWith("/trace.v1.SignInService/", StringComparison.Ordinal)
            || method == "/trace.v1.NodeService/GetNodeInfo") return null;
        if (AuthorizationTable.Find(method) is { Allowed: Audience.Admin }) return await _adminTokens.GetAsync(_admin, ct);
        await EnsureReaderAsync(ct);
        return await Keyring.GetTokenAsync(method, request, ct);
    }

    /// <summary>Registers the reader and signs it and the admin in now, so the first calls of a test do not wait for that.</summary>
    public async Task PrepareAsync(CancellationToken ct = default)
    {
        try
        {
            await EnsureReaderAsync(ct);
            await Keyring.GetTokenAsync("/trace.v1.EvidenceService/ListRecords", null, ct);
            await _adminTokens.GetAsync(_admin, ct);
        }
        catch (Exception e) when (e is Grpc.Core.RpcException or Trace.Chain.Rpc.RpcException or Chain.Contracts.ContractCallException or InvalidOperationException or HttpRequestException)
        {
            // A node whose registry this admin does not run (an external chain): calls go without a reader token.
        }
    }

    private async Task EnsureReaderAsync(CancellationToken ct)
    {
        if (_registered) return;
        await _setup.WaitAsync(ct);
        try
        {
            if (_registered) return;
            var node = await new NodeService.NodeServiceClient(raw).GetNodeInfoAsync(new GetNodeInfoRequest(), cancellationToken: ct);
            using var rpc = new JsonRpcClient(new Uri(node.RpcUrl));
            var eth = new EthRpc(rpc);
            using var admin = EthereumKey.FromHex(AdminKey);
            var registry = ParticipantRegistryClient.Connect(EthereumAddress.Parse(node.Contracts["ParticipantRegistry"]), eth, new TransactionSender(eth, admin, node.ChainId));
            if (!(await registry.KeyInfoAsync(_reader.Address, ct)).IsRegistered)
                await registry.RegisterParticipantAsync(Keccak256.Hash(_reader.Address.ToArray()), "urn:trace:test-reader", new byte[32], EveryRole, [_reader.Address], ct);
            Keyring.DefaultKey = _reader;
            _registered = true;
        }
        finally { _setup.Release(); }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _admin.Dispose();
        _setup.Dispose();
    }
}
