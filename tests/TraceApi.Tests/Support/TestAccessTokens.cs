using Grpc.Core;
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
/// every role (registered lazily by the registry admin, Anvil dev key 0), so tests written before sign-in need no change.
/// </summary>
public sealed class TestAccessTokens(CallInvoker raw) : IAccessTokenProvider, IDisposable
{
    private const string AdminKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private const ParticipantRoles EveryRole = ParticipantRoles.Supplier | ParticipantRoles.Carrier | ParticipantRoles.Verifier
        | ParticipantRoles.Regulator | ParticipantRoles.Buyer;

    private readonly SemaphoreSlim _setup = new(1, 1);
    private readonly EthereumKey _reader = EthereumKey.Generate();
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
        await EnsureReaderAsync(ct);
        return await Keyring.GetTokenAsync(method, request, ct);
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
        _setup.Dispose();
    }
}
