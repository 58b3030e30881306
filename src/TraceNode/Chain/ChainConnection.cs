using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Trace.Chain.Rpc;
using Trace.Node.LocalChain;

namespace Trace.Node.Chain;

/// <summary>
/// The node's link to its chain: starts the managed Anvil in embedded mode, or connects to the
/// configured RPC URL, and checks the chain id before anything is anchored.
/// </summary>
public sealed class ChainConnection(
    IOptions<ChainOptions> chainOptions,
    IOptions<TraceNodeOptions> nodeOptions,
    IOptions<JsonRpcOptions> rpcOptions,
    ILoggerFactory loggerFactory) : IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<ChainConnection>();
    private AnvilManager? _anvil;
    private JsonRpcClient? _rpc;
    private EthRpc? _eth;

    /// <summary>Typed JSON-RPC access; valid after <see cref="StartAsync"/>.</summary>
    public EthRpc Eth => _eth ?? throw new InvalidOperationException("the chain connection is not started");

    /// <summary>"embedded" or "external".</summary>
    public string Mode => chainOptions.Value.IsEmbedded ? "embedded" : "external";

    /// <summary>The verified chain id.</summary>
    public ulong ChainId { get; private set; }

    /// <summary>The managed Anvil in embedded mode; null otherwise.</summary>
    public AnvilManager? ManagedAnvil => _anvil;

    /// <summary>The RPC endpoint in use.</summary>
    public Uri RpcUrl => _rpc?.Endpoint ?? throw new InvalidOperationException("the chain connection is not started");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = chainOptions.Value;
        Uri url;
        if (options.IsEmbedded)
        {
            var stateFile = Path.Combine(nodeOptions.Value.DataDirectoryFullPath, "chain", "anvil-state.json");
            _anvil = new AnvilManager(
                new AnvilOptions
                {
                    ChainId = options.ChainId,
                    Port = options.EmbeddedPort,
                    PortSetting = "Chain:EmbeddedPort",
                    StateFile = stateFile,
                    BlockTimeSeconds = options.EmbeddedBlockTimeSeconds > 0 ? options.EmbeddedBlockTimeSeconds : null,
                },
                loggerFactory.CreateLogger<AnvilManager>());
            await _anvil.StartAsync(cancellationToken).ConfigureAwait(false);
            url = _anvil.RpcUrl;
        }
        else
        {
            url = new Uri(options.RpcUrl!);
        }

        _rpc = new JsonRpcClient(url, rpcOptions.Value, logger: loggerFactory.CreateLogger<JsonRpcClient>());
        _eth = new EthRpc(_rpc);
        ChainId = await _eth.ChainIdAsync(cancellationToken).ConfigureAwait(false);
        if (ChainId != options.ChainId)
            throw new InvalidOperationException($"Chain:ChainId is {options.ChainId} but the node at {url.GetLeftPart(UriPartial.Authority)} reports {ChainId}");
        Log.ChainConnected(_logger, Mode, url.GetLeftPart(UriPartial.Authority), ChainId);
    }

    public async ValueTask DisposeAsync()
    {
        _rpc?.Dispose();
        if (_anvil is not null) await _anvil.DisposeAsync().ConfigureAwait(false);
    }
}
