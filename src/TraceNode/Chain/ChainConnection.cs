using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Trace.Chain.Rpc;
using Trace.Node.LocalChain;
using Trace.Node.Startup;

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
    private readonly Lock _startLock = new();
    private Task? _start;
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

    /// <summary>
    /// Starts the managed Anvil (embedded mode) or connects, then checks the chain id; once: later calls share the first
    /// (the host's start calls it after Program.cs did, so a start-up failure is reported before the host starts).
    /// </summary>
    /// <exception cref="StartupFailureException">the chain cannot be reached or started, or its id differs from Chain:ChainId.</exception>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_startLock) return _start ??= StartOnceAsync(cancellationToken);
    }

    private async Task StartOnceAsync(CancellationToken cancellationToken)
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
                    // Killed or crashed, the embedded chain comes back on the same port from its state file (docs/operations.md).
                    RestartAfterUnexpectedExit = true,
                },
                loggerFactory.CreateLogger<AnvilManager>());
            try
            {
                await _anvil.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (AnvilPortInUseException e)
            {
                throw new StartupFailureException("Chain:EmbeddedPort", e.Message, StartupExitCodes.Configuration, e);
            }
            catch (Exception e) when (e is not StartupFailureException && e is not OperationCanceledException)
            {
                throw new StartupFailureException("Anvil", $"the embedded chain (Anvil) cannot start: {e.Message}", StartupExitCodes.ChainUnavailable, e);
            }
            url = _anvil.RpcUrl;
        }
        else
        {
            url = new Uri(options.RpcUrl!);
        }

        _rpc = new JsonRpcClient(url, rpcOptions.Value, logger: loggerFactory.CreateLogger<JsonRpcClient>());
        _eth = new EthRpc(_rpc);
        try
        {
            ChainId = await _eth.ChainIdAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RpcException or HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw new StartupFailureException("Chain:RpcUrl",
                $"the chain at {url.GetLeftPart(UriPartial.Authority)} (Chain:RpcUrl) cannot be reached: {e.Message}", StartupExitCodes.ChainUnavailable, e);
        }
        if (ChainId != options.ChainId)
            throw new StartupFailureException("Chain:ChainId",
                $"Chain:ChainId is {options.ChainId} but the chain at {url.GetLeftPart(UriPartial.Authority)} reports chain id {ChainId}: set Chain:ChainId to {ChainId} or point Chain:RpcUrl at the intended chain",
                StartupExitCodes.Configuration);
        Log.ChainConnected(_logger, Mode, url.GetLeftPart(UriPartial.Authority), ChainId);
    }

    public async ValueTask DisposeAsync()
    {
        _rpc?.Dispose();
        if (_anvil is not null) await _anvil.DisposeAsync().ConfigureAwait(false);
    }
}
