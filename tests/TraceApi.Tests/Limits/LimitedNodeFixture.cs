using Trace.Api.Tests.Support;
using Trace.Chain.Accounts;
using Trace.Chain.Contracts.Registries;
using Trace.Chain.Rpc;
using Trace.Client.Claims;
using Trace.Crypto;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Limits;

/// <summary>One embedded node with small call limits (a short upload idle timeout, few uploads, watchers and read streams) and a short SQLite busy timeout.</summary>
public sealed class LimitedNodeFixture : IAsyncLifetime
{
    public const int UploadsPerCaller = 3;
    public const int Watchers = 25;
    public const int ReadsPerConnection = 2;
    public const int ReadsPerCaller = 3;
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(2);

    private const string AdminKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "trace-limits-" + Guid.NewGuid().ToString("N")[..8]);
    public TraceApiProcess Api { get; private set; } = null!;
    public GetNodeInfoResponse Node { get; private set; } = null!;
    public EvidenceService.EvidenceServiceClient Evidence => new(Api.Channel);
    public string TempDirectory => Path.Combine(DataDirectory, "blobs", "tmp");

    public static Dictionary<string, string> Settings
    {
        get
        {
            var settings = EvidenceNodeFixture.Settings;
            settings["Api:Limits:UploadIdleTimeout"] = "00:00:02";
            settings["Api:Limits:MaxUploadsPerCaller"] = UploadsPerCaller.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Api:Limits:MaxWatchers"] = Watchers.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Api:Limits:MaxReadStreamsPerConnection"] = ReadsPerConnection.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Api:Limits:MaxReadStreamsPerCaller"] = ReadsPerCaller.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Trace:Storage:SqliteBusyTimeoutMilliseconds"] = "300";
            return settings;
        }
    }

    public async Task InitializeAsync()
    {
        Api = await TraceApiProcess.StartAsync(DataDirectory, Settings);
        Node = await new NodeService.NodeServiceClient(Api.Channel).GetNodeInfoAsync(new GetNodeInfoRequest());
    }

    /// <summary>A registered supplier's signer.</summary>
    public Task<ClaimSigner> NewSupplierAsync() => NewSupplierAsync(Api, Node);

    /// <summary>A supplier registered on the embedded chain of <paramref name="node"/> by its admin (Anvil dev key 0).</summary>
    public static async Task<ClaimSigner> NewSupplierAsync(TraceApiProcess api, GetNodeInfoResponse node)
    {
        var registry = EthereumAddress.Parse(node.Contracts["EvidenceRegistry"]);
        var key = EthereumKey.Generate();
        api.Tokens.Keyring.Add(key); // its submissions are signed in as it
        var signer = new ClaimSigner(key, node.ChainId, registry);
        using var rpc = new JsonRpcClient(new Uri(node.RpcUrl));
        var eth = new EthRpc(rpc);
        using var admin = EthereumKey.FromHex(AdminKey);
        var participants = ParticipantRegistryClient.Connect(EthereumAddress.Parse(node.Contracts["ParticipantRegistry"]), eth, new TransactionSender(eth, admin, node.ChainId));
        await participants.RegisterParticipantAsync(EvidenceNodeFixture.ParticipantId(signer.Address), "urn:trace:test", new byte[32], ParticipantRoles.Supplier, [signer.Address]);
        return signer;
    }

    public async Task DisposeAsync()
    {
        if (Api is not null) await Api.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
