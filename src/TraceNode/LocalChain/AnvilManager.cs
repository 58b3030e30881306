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
/// loopback port in its own session (a terminal's Ctrl-C reaches only us, and we stop it), awaited
/// until it answers, stopped with SIGTERM (so it dumps its state), killed by the kernel if this
/// process dies first (parent-death signal through setpriv), and, when configured, restarted on the
/// same port from its state file if it ends without being stopped.
/// </summary>
public sealed partial class AnvilManager : IAsyncDisposable
{
    private const int SigTerm = 15;
    private readonly AnvilOptions _options;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource<AnvilExitedException> _unexpectedExit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lifecycle = new();
    private readonly Queue<string> _lastOutput = new();
    private string? _binary;
    private int _port;
    private Process? _process;
    private ManualResetEventSlim? _releaseOwnerThread;
    private volatile bool _stopping;
    private volatile bool _running;
    private int _restarting;
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
        if (_binary is not null) throw new InvalidOperationException("anvil is already started");
        _binary = AnvilBinary.Locate(_options.BinaryPath);
        _port = _options.Port != 0 ? EnsureFree(_options.Port, _options.PortSetting) : FreeLoopbackPort();
        RpcUrl = new Uri($"http://127.0.0.1:{_port}");
        AppDomain.CurrentDomain.ProcessExit += OnHostExit;
        try
        {
            await LaunchAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await StopAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts one anvil process on <see cref="_port"/> and waits until it answers.</summary>
    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        var (process, release) = await StartOnOwnerThreadAsync(BuildStartInfo(_binary!, _port)).ConfigureAwait(false);
        lock (_lifecycle)
        {
            if (_stopping)
            {
                // Stopped while this one was starting (a restart racing the host's stop): it must not outlive us.
                SendSignal(process.Id, SigTerm);
                release.Set();
                throw new OperationCanceledException("anvil was stopped while it started");
            }
            _process = process;
            _releaseOwnerThread = release;
        }
        Log.AnvilStarted(_logger, process.Id, RpcUrl, _options.StateFile ?? "(memory)");
        await WaitUntilAnsweringAsync(process, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends SIGTERM (anvil dumps its state), waits up to 10 s, then kills.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        Process? process;
        lock (_lifecycle)
        {
            _stopping = true; // from here on an exit is expected, and a restart in progress gives up
            process = _process;
        }
        if (process is null || Interlocked.Exchange(ref _stopCalls, 1) == 1) return; // stop once, however often asked
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
            _releaseOwnerThread?.Set();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await StopAsync().ConfigureAwait(false);
        _process?.Dispose();
    }

    private ProcessStartInfo BuildStartInfo(string binary, int port)
    {
        // setpriv sets PR_SET_PDEATHSIG then execs: if we die, even by SIGKILL, anvil gets SIGTERM. setsid then puts anvil
        // in its own session, so a terminal's Ctrl-C (SIGINT to the foreground process group) reaches only the node,
        // which stops anvil itself; both exec in place, so the process we start is anvil.
        var setpriv = OperatingSystem.IsLinux() && File.Exists("/usr/bin/setpriv") ? "/usr/bin/setpriv" : null;
        var setsid = OperatingSystem.IsLinux() && File.Exists("/usr/bin/setsid") ? "/usr/bin/setsid" : null;
        var startInfo = new ProcessStartInfo(setpriv ?? setsid ?? binary)
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
            if (setsid is not null) startInfo.ArgumentList.Add(setsid);
            startInfo.ArgumentList.Add(binary);
        }
        else if (setsid is not null)
        {
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
    /// The kernel sends the parent-death signal when the forking *thread* ends, so each process is
    /// started from a dedicated thread that lives until that process is stopped or has ended.
    /// </summary>
    private Task<(Process Process, ManualResetEventSlim Release)> StartOnOwnerThreadAsync(ProcessStartInfo startInfo)
    {
        var started = new TaskCompletionSource<(Process, ManualResetEventSlim)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new ManualResetEventSlim(false);
        var owner = new Thread(() =>
        {
            try
            {
                var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
                process.OutputDataReceived += (_, e) => Remember(e.Data);
                process.ErrorDataReceived += (_, e) => Remember(e.Data);
                process.Exited += (_, _) => OnExited(process, release);
                process.Start();
                _running = true;
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                started.SetResult((process, release));
            }
            catch (Exception ex)
            {
                started.SetException(ex);
                return;
            }
            release.Wait();
        })
        { IsBackground = true, Name = "anvil-owner" };
        owner.Start();
        return started.Task;
    }

    private async Task WaitUntilAnsweringAsync(Process process, CancellationToken cancellationToken)
    {
        using var rpc = new JsonRpcClient(RpcUrl, new JsonRpcOptions { MaxRetries = 0, RequestTimeout = TimeSpan.FromSeconds(2) });
        var eth = new EthRpc(rpc);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited) throw new AnvilExitedException(process.ExitCode, LastOutput());
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

    private void OnExited(Process process, ManualResetEventSlim release)
    {
        release.Set(); // its owner thread has nothing left to guard
        if (!ReferenceEquals(process, _process)) return; // a process a restart already replaced, or one never adopted
        _running = false;
        if (_stopping) return;
        int code;
        try { code = process.ExitCode; } catch (InvalidOperationException) { code = -1; }
        if (_options.RestartAfterUnexpectedExit)
        {
            // While a restart runs, a process it starts that dies at once is its business (it retries), not a new restart.
            if (Interlocked.CompareExchange(ref _restarting, 1, 0) == 0) _ = Task.Run(() => RestartAsync(process.Id, code));
            return;
        }
        Log.AnvilExitedUnexpectedly(_logger, process.Id, code);
        _unexpectedExit.TrySetResult(new AnvilExitedException(code, LastOutput()));
    }

    /// <summary>
    /// Starts anvil again on the same port with the same state file: the node's RPC clients keep their URL and get answers
    /// again after a short outage; blocks mined after the last state dump are lost, which the node's followers handle as a
    /// reorg (records go back to PENDING and are anchored again).
    /// </summary>
    private async Task RestartAsync(int pid, int exitCode)
    {
        try
        {
            for (var attempt = 1; attempt <= _options.MaxRestartAttempts; attempt++)
            {
                if (_stopping) return;
                Log.AnvilRestarting(_logger, pid, exitCode, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt)).ConfigureAwait(false);
                if (_stopping) return;
                try
                {
                    await LaunchAsync(CancellationToken.None).ConfigureAwait(false);
                    Log.AnvilRestarted(_logger, _process!.Id, RpcUrl, _options.StateFile ?? "(memory)");
                    return;
                }
                catch (Exception e) when (!_stopping)
                {
                    Log.AnvilRestartFailed(_logger, e, attempt);
                    if (_process is { HasExited: false } failed) SendSignal(failed.Id, SigTerm);
                }
                catch (Exception) when (_stopping)
                {
                    return;
                }
            }
            Log.AnvilExitedUnexpectedly(_logger, pid, exitCode);
            _unexpectedExit.TrySetResult(new AnvilExitedException(exitCode, LastOutput()));
        }
        finally
        {
            Volatile.Write(ref _restarting, 0);
        }
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
