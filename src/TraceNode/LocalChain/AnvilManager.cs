using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Trace.Chain.Rpc;

namespace Trace.Node.LocalChain;

/// <summary>
/// Runs a local Anvil chain as a child process whose life is tied to ours: it is started on a
/// loopback port, awaited until it answers, stopped with SIGTERM (so it dumps its state), and
/// killed by the kernel if this process dies first (parent-death signal through setpriv).
/// </summary>
public sealed partial class AnvilManager : IAsyncDisposable
{
    private const int SigTerm = 15;
    private readonly AnvilOptions _options;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource<AnvilExitedException> _unexpectedExit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ManualResetEventSlim _releaseOwnerThread = new(false);
    private readonly Queue<string> _lastOutput = new();
    private Process? _process;
    private volatile bool _stopping;
    private volatile bool _running;
    private int _stopCalls;
    private int _disposed;

    public AnvilManager(AnvilOptions options, ILogger<AnvilManager>? logger = null)
    {
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The JSON-RPC endpoint (http://127.0.0.1:port) once started.</summary>
    public Uri RpcUrl { get; private set; } = new("http://127.0.0.1:0");

    /// <summary>The anvil process id once started.</summary>
    public int ProcessId => _process?.Id ?? 0;

    /// <summary>True from a successful start until the process ends.</summary>
    public bool IsRunning => _running;

    /// <summary>Completes when anvil ends without <see cref="StopAsync"/> having been called.</summary>
    public Task<AnvilExitedException> UnexpectedExit => _unexpectedExit.Task;

    /// <summary>Starts anvil and waits until eth_chainId answers with the configured chain id.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_process is not null) throw new InvalidOperationException("anvil is already started");
        var binary = AnvilBinary.Locate(_options.BinaryPath);
        var port = _options.Port != 0 ? EnsureFree(_options.Port, _options.PortSetting) : FreeLoopbackPort();
        RpcUrl = new Uri($"http://127.0.0.1:{port}");
        var startInfo = BuildStartInfo(binary, port);

        _process = await StartOnOwnerThreadAsync(startInfo).ConfigureAwait(false);
        Log.AnvilStarted(_logger, _process.Id, RpcUrl, _options.StateFile ?? "(memory)");
        AppDomain.CurrentDomain.ProcessExit += OnHostExit;

        try
        {
            await WaitUntilAnsweringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await StopAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Sends SIGTERM (anvil dumps its state), waits up to 10 s, then kills.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        var process = _process;
        if (process is null || Interlocked.Exchange(ref _stopCalls, 1) == 1) return; // stop once, however often asked
        _stopping = true;
        AppDomain.CurrentDomain.ProcessExit -= OnHostExit;
        try
        {
            if (!process.HasExited)
            {
                SendSignal(process.Id, SigTerm);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(10));
                try
                {
                    await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }
            _running = false;
            Log.AnvilStopped(_logger, process.Id, process.ExitCode);
        }
        finally
        {
            _releaseOwnerThread.Set();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await StopAsync().ConfigureAwait(false);
        _process?.Dispose();
        _releaseOwnerThread.Dispose();
    }

    private ProcessStartInfo BuildStartInfo(string binary, int port)
    {
        // setpriv sets PR_SET_PDEATHSIG then execs anvil: if we die, even by SIGKILL, anvil gets SIGTERM.
        var setpriv = OperatingSystem.IsLinux() && File.Exists("/usr/bin/setpriv") ? "/usr/bin/setpriv" : null;
        var startInfo = new ProcessStartInfo(setpriv ?? binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true, // anvil must not read our console (Ctrl-C goes to us, we stop it)
            UseShellExecute = false,
        };
        if (setpriv is not null)
        {
            startInfo.ArgumentList.Add("--pdeathsig");
            startInfo.ArgumentList.Add("TERM");
            startInfo.ArgumentList.Add("--");
            startInfo.ArgumentList.Add(binary);
        }
        foreach (var arg in new[] { "--host", "127.0.0.1", "--port", port.ToString(), "--chain-id", _options.ChainId.ToString(), "--silent" })
            startInfo.ArgumentList.Add(arg);
        if (_options.StateFile is { } state)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(state))!);
            startInfo.ArgumentList.Add("--state");
            startInfo.ArgumentList.Add(state);
            startInfo.ArgumentList.Add("--state-interval");
            startInfo.ArgumentList.Add(_options.StateIntervalSeconds.ToString());
        }
        if (_options.BlockTimeSeconds is { } blockTime)
        {
            startInfo.ArgumentList.Add("--block-time");
            startInfo.ArgumentList.Add(blockTime.ToString());
            startInfo.ArgumentList.Add("--mixed-mining");
        }
        return startInfo;
    }

    /// <summary>
    /// The kernel sends the parent-death signal when the forking *thread* ends, so the process is
    /// started from a dedicated thread that lives until anvil is stopped.
    /// </summary>
    private Task<Process> StartOnOwnerThreadAsync(ProcessStartInfo startInfo)
    {
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        var owner = new Thread(() =>
        {
            try
            {
                var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
                process.OutputDataReceived += (_, e) => Remember(e.Data);
                process.ErrorDataReceived += (_, e) => Remember(e.Data);
                process.Exited += (_, _) => OnExited(process);
                process.Start();
                _running = true;
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                started.SetResult(process);
            }
            catch (Exception ex)
            {
                started.SetException(ex);
                return;
            }
            _releaseOwnerThread.Wait();
        })
        { IsBackground = true, Name = "anvil-owner" };
        owner.Start();
        return started.Task;
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        using var rpc = new JsonRpcClient(RpcUrl, new JsonRpcOptions { MaxRetries = 0, RequestTimeout = TimeSpan.FromSeconds(2) });
        var eth = new EthRpc(rpc);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process!.HasExited) throw new AnvilExitedException(_process.ExitCode, LastOutput());
            try
            {
                var chainId = await eth.ChainIdAsync(cancellationToken).ConfigureAwait(false);
                if (chainId != _options.ChainId)
                    throw new InvalidOperationException($"anvil answered chain id {chainId}, expected {_options.ChainId}");
                return;
            }
            catch (RpcException) when (deadline.Elapsed < _options.StartTimeout)
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException ex)
            {
                throw new TimeoutException($"anvil did not answer at {RpcUrl} within {_options.StartTimeout.TotalSeconds:0} s: {ex.Message}", ex);
            }
        }
    }

    private void OnExited(Process process)
    {
        _running = false;
        if (_stopping) return;
        int code;
        try { code = process.ExitCode; } catch (InvalidOperationException) { code = -1; }
        var error = new AnvilExitedException(code, LastOutput());
        Log.AnvilExitedUnexpectedly(_logger, process.Id, code);
        _unexpectedExit.TrySetResult(error);
    }

    private void OnHostExit(object? sender, EventArgs e)
    {
        if (_process is { HasExited: false } process) SendSignal(process.Id, SigTerm);
    }

    private void Remember(string? line)
    {
        if (string.IsNullOrEmpty(line)) return;
        lock (_lastOutput)
        {
            _lastOutput.Enqueue(line);
            while (_lastOutput.Count > 20) _lastOutput.Dequeue();
        }
    }

    private string LastOutput()
    {
        lock (_lastOutput) return _lastOutput.Count == 0 ? "(none)" : string.Join(" | ", _lastOutput);
    }

    /// <summary>
    /// Anvil would exit with a bare "address in use" after we waited for it; a fixed port that is taken is the operator's
    /// to fix, so say so at once and name the setting.
    /// </summary>
    private static int EnsureFree(int port, string setting)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return port;
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            throw new AnvilPortInUseException(port, setting, ex);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void SendSignal(int pid, int signal)
    {
        if (OperatingSystem.IsWindows()) { Process.GetProcessById(pid).Kill(); return; }
        _ = Kill(pid, signal);
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
