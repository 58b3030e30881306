using Trace.Client.Access;
using Grpc.Core.Interceptors;
using Grpc.Core;
using Trace.Chain.Accounts;
using Trace.Chain.Contracts.Registries;
using Trace.Chain.Rpc;
using Trace.Client.Claims;
using Trace.Crypto;
using Trace.Protos.V1;

namespace Trace.Bench.Pipeline;

/// <summary>A running node plus what a benchmark client needs: chain access as the registry admin and claim signing.</summary>
internal sealed class BenchNode : IAsyncDisposable
{
    public const string AdminKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    public required ApiProcess Api { get; init; }
    public required GetNodeInfoResponse Info { get; init; }
    public required JsonRpcClient Rpc { get; init; }
    public EthRpc Eth => new(Rpc);
    public EthereumAddress Registry => EthereumAddress.Parse(Info.Contracts["EvidenceRegistry"]);
    public EthereumAddress Participants => EthereumAddress.Parse(Info.Contracts["ParticipantRegistry"]);

    public static async Task<BenchNode> StartAsync(string dataDirectory, IDictionary<string, string> settings)
    {
        var api = await ApiProcess.StartAsync(dataDirectory, settings);
        var info = await new NodeService.NodeServiceClient(api.Channel).GetNodeInfoAsync(new GetNodeInfoRequest());
        return new BenchNode { Api = api, Info = info, Rpc = new JsonRpcClient(new Uri(info.RpcUrl)) };
    }

    /// <summary>Registers each address as its own participant with <paramref name="roles"/>.</summary>
    public async Task RegisterAsync(IEnumerable<EthereumAddress> keys, ParticipantRoles roles)
    {
        using var admin = EthereumKey.FromHex(AdminKey);
        var client = ParticipantRegistryClient.Connect(Participants, Eth, new TransactionSender(Eth, admin, Info.ChainId));
        foreach (var key in keys)
            await client.RegisterParticipantAsync(Keccak256.Hash(key.ToArray()), "urn:trace:bench", new byte[32], roles, [key]);
    }

    /// <summary>The client library's claim signer for this node's deployment; submissions of its claims sign in as <paramref name="key"/>.</summary>
    public ClaimSigner SignerFor(EthereumKey key)
    {
        Tokens.Add(key);
        Tokens.DefaultKey ??= key;
        return new(key, Info.ChainId, Registry);
    }

    /// <summary>The keys the benchmark's calls sign in with (once per key; tokens are cached): a submission as its claim's issuer, other calls as the default key.</summary>
    public KeyringAccessTokenProvider Tokens => _tokens ??= new KeyringAccessTokenProvider(Api.Channel.CreateCallInvoker());

    private KeyringAccessTokenProvider? _tokens;

    /// <summary><paramref name="channel"/> with the access token of <see cref="Tokens"/> on every call.</summary>
    public CallInvoker Authorized(ChannelBase channel) => channel.Intercept(new AccessTokenInterceptor(Tokens));

    /// <summary>
    /// The structured record the e2e benchmark submits as number <paramref name="n"/>: a minimal valid batch record (kind 16)
    /// whose batchId is <paramref name="subjectId"/> (salt and signature added by the signer).
    /// </summary>
    // The anchoring pipeline's benchmark submits meter readings (kind 5, structured but not lineage), so its figures stay
    // comparable across versions; lineage intake, with its schema and cross-record checks, is the `lineage` mode's.
    public static RecordDraft Draft(string subjectId, int n) =>
        new(subjectId, RecordKind.EnergyReading, new System.Text.Json.Nodes.JsonObject
        {
            ["meter"] = subjectId,
            ["reading"] = n,
            ["unit"] = "KWH",
            ["value"] = $"{n}.25",
        }.ToJsonString());

    public async ValueTask DisposeAsync()
    {
        Rpc.Dispose();
        await Api.DisposeAsync();
    }
}
