using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using Grpc.Health.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Trace.Client.Access;

namespace Trace.Api.Tests.Support;

/// <summary>Runs the built Trace.Api binary as a child process on free loopback ports, like an operator would.</summary>
public sealed partial class TraceApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private TraceApiProcess(Process process, string dataDirectory, int grpcPort, int httpPort, HttpMessageHandler? tlsHandler)
    {
        _process = process;
        DataDirectory = dataDirectory;
        GrpcAddress = new Uri($"{(tlsHandler is null ? "http" : "https")}://127.0.0.1:{grpcPort}");
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}");
        RawChannel = GrpcChannel.ForAddress(GrpcAddress, new GrpcChannelOptions { HttpHandler = tlsHandler });
        Tokens = new TestAccessTokens(RawChannel.CreateCallInvoker(), dataDirectory);
        Channel = RawChannel.Intercept(new AccessTokenInterceptor(Tokens));
    }

    public string DataDirectory { get; }
    public Uri GrpcAddress { get; }
    public Uri HttpAddress { get; }
    /// <summary>The channel without tokens: what an anonymous client sends.</summary>
    public GrpcChannel RawChannel { get; }

    /// <summary>Calls signed in as <see cref="TestAccessTokens"/> chooses (a submission's issuer, else the all-roles test reader).</summary>
    public CallInvoker Channel { get; }

    /// <summary>The tokens behind <see cref="Channel"/>; add a test's keys with <c>Tokens.Keyring.Add(key)</c>.</summary>
    public TestAccessTokens Tokens { get; }
    public int ProcessId => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>Starts the API on <paramref name="dataDirectory"/> and waits until health reports SERVING.</summary>
    /// <param name="environment">DOTNET_ENVIRONMENT; null starts it as scripts/start.sh does (Production).</param>
    /// <param name="launcher">a command that runs the API in its place (e.g. <c>prlimit --nofile=400 --</c>); none by default.</param>
    /// <param name="tlsHandler">when set, the gRPC endpoint is https:// (settings give Api:Tls:*) and the channel uses this handler.</param>
    public static async Task<TraceApiProcess> StartAsync(string dataDirectory, IDictionary<string, string>? settings = null, TimeSpan? timeout = null,
        string? environment = "Development", string[]? launcher = null, HttpMessageHandler? tlsHandler = null)
    {
        var grpcPort = FreePort();
        var httpPort = FreePort();
        var startInfo = new ProcessStartInfo(launcher is { Length: > 0 } ? launcher[0] : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        if (launcher is { Length: > 0 })
        {
            foreach (var argument in launcher[1..]) startInfo.ArgumentList.Add(argument);
            startInfo.ArgumentList.Add("dotnet");
        }
        startInfo.ArgumentList.Add(RepoPaths.ApiDll);
        startInfo.Environment.Remove("DOTNET_ENVIRONMENT");
        startInfo.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        if (environment is not null) startInfo.Environment["DOTNET_ENVIRONMENT"] = environment;
        startInfo.Environment["Trace__DataDirectory"] = dataDirectory;
        startInfo.Environment["Api__GrpcUrl"] = $"{(tlsHandler is null ? "http" : "https")}://127.0.0.1:{grpcPort}";
        startInfo.Environment["Api__HttpUrl"] = $"http://127.0.0.1:{httpPort}";
        // Tests start many nodes at once: each embedded Anvil on a free port unless a test fixes one (the default 8545 is for people).
        startInfo.Environment["Chain__EmbeddedPort"] = "0";
        // An empty value unsets a variable, so the node sees its appsettings.json default (e.g. Chain:EmbeddedPort 8545).
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            if (value.Length == 0) startInfo.Environment.Remove(key.Replace(":", "__"));
            else startInfo.Environment[key.Replace(":", "__")] = value;
        }

        var process = new Process { StartInfo = startInfo };
        var api = new TraceApiProcess(process, dataDirectory, grpcPort, httpPort, tlsHandler);
        process.OutputDataReceived += (_, e) => api.Append(e.Data);
        process.ErrorDataReceived += (_, e) => api.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await api.WaitForServingAsync(timeout ?? TimeSpan.FromSeconds(60));
            await api.Tokens.PrepareAsync();
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
        return api;
    }

    /// <summary>
    /// Starts the API on <paramref name="dataDirectory"/> expecting it to stop by itself (a start-up failure) and returns
    /// its exit code and everything it printed; fails if it is still running after <paramref name="timeout"/>.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunUntilExitAsync(string dataDirectory, IDictionary<string, string> settings, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepoPaths.Root,
        };
        startInfo.ArgumentList.Add(RepoPaths.ApiDll);
        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Development";
        startInfo.Environment["Trace__DataDirectory"] = dataDirectory;
        startInfo.Environment["Api__GrpcUrl"] = $"http://127.0.0.1:{FreePort()}";
        startInfo.Environment["Api__HttpUrl"] = "";
        foreach (var (key, value) in settings) startInfo.Environment[key.Replace(":", "__")] = value;
        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try { await process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Trace.Api still running after {timeout.TotalSeconds} s:\n{await output}{await error}");
        }
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Everything the process printed so far.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public async Task<HealthCheckResponse.Types.ServingStatus> HealthAsync(CancellationToken ct = default) =>
        (await new Health.HealthClient(RawChannel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: ct)).Status;

    /// <summary>Sends a POSIX signal (SIGINT 2, SIGTERM 15, SIGKILL 9) and waits for exit.</summary>
    public async Task<int> SignalAndWaitAsync(int signal, TimeSpan? timeout = null)
    {
        _ = Kill(_process.Id, signal);
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>
    /// Sends a signal to the API's whole process group, as a terminal does on Ctrl-C (start it with the <c>setsid</c>
    /// launcher so the group is its own), and waits for exit.
    /// </summary>
    public async Task<int> SignalGroupAndWaitAsync(int signal, TimeSpan? timeout = null)
    {
        _ = Kill(-_process.Id, signal);
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        RawChannel.Dispose();
        Tokens.Dispose();
        if (!_process.HasExited)
        {
            _ = Kill(_process.Id, 15);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try { await _process.WaitForExitAsync(cts.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        _process.Dispose();
    }

    private async Task WaitForServingAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                // The parameterless wait also drains the redirected output: without it the message (and the test that
                // reads it) can miss the lines the process printed just before it exited.
                _process.WaitForExit();
                throw new InvalidOperationException($"Trace.Api exited with {_process.ExitCode} before serving:\n{Output}");
            }
            Grpc.Core.RpcException? lastError = null;
            try
            {
                if (await HealthAsync() == HealthCheckResponse.Types.ServingStatus.Serving) return;
            }
            catch (Grpc.Core.RpcException ex)
            {
                // Not listening yet (Unavailable, connection refused) or too busy to answer: keep waiting. A probe that
                // fails after the deadline passed must end as the timeout below, not leak out as a bare Unavailable.
                lastError = ex;
            }
            if (clock.Elapsed > timeout) throw new TimeoutException($"Trace.Api did not report SERVING within {timeout}:\n{Output}", lastError);
            await Task.Delay(200);
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>
    /// A loopback port nothing listens on right now (the probe listener is closed again), chosen below the kernel's
    /// ephemeral range (32768 and up on Linux): a port handed out for port 0 (a node's embedded Anvil, any outgoing
    /// connection of the tests running in parallel) can then never take it before the node binds it.
    /// </summary>
    internal static int FreePort()
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            var port = Random.Shared.Next(20_000, 32_000);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // taken: try another
            }
        }
        throw new InvalidOperationException("no free loopback port between 20000 and 32000");
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}
