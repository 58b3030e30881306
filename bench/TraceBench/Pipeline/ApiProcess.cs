using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;

namespace Trace.Bench.Pipeline;

/// <summary>Runs the built Trace.Api as a real process on a fresh data directory, as an operator would.</summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    public Uri GrpcAddress { get; }
    public GrpcChannel Channel { get; }
    public int Pid => _process.Id;

    /// <summary>The file that receives the server's standard output and error (its whole log), kept after the run.</summary>
    public string LogPath { get; }

    private ApiProcess(Process process, Uri grpcAddress, StreamWriter log, string logPath)
    {
        _process = process;
        _log = log;
        LogPath = logPath;
        GrpcAddress = grpcAddress;
        Channel = GrpcChannel.ForAddress(grpcAddress, new GrpcChannelOptions { MaxSendMessageSize = null, MaxReceiveMessageSize = null });
    }

    public static async Task<ApiProcess> StartAsync(string dataDirectory, IDictionary<string, string> settings)
    {
        var root = RepoRoot();
        // TRACE_BENCH_API_DLL runs another build (e.g. a copy of the previous commit's output) for back-to-back comparisons.
        var dll = Environment.GetEnvironmentVariable("TRACE_BENCH_API_DLL") is { Length: > 0 } other ? other
            : Path.Combine(root, "src", "TraceApi", "bin", "Release", "net10.0", "Trace.Api.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"build the solution in Release first: {dll}");
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        start.ArgumentList.Add(dll);
        start.Environment["Trace__DataDirectory"] = dataDirectory;
        start.Environment["Api__GrpcUrl"] = $"http://127.0.0.1:{port}";
        start.Environment["Api__HttpUrl"] = "";
        start.Environment["Chain__EmbeddedPort"] = "0"; // the default 8545 may be taken by a node someone else runs
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;
        // The data directory is deleted after a run; the log sits beside it and stays, so a failure can be read afterwards.
        var logPath = dataDirectory.TrimEnd(Path.DirectorySeparatorChar) + ".api.log";
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        Console.WriteLine($"server log: {logPath}");
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            Append(log, e.Data);
            if (e.Data is not null) Console.Error.WriteLine("[api] " + e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var api = new ApiProcess(process, new Uri($"http://127.0.0.1:{port}"), log, logPath);
        var health = new Grpc.Health.V1.Health.HealthClient(api.Channel);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await health.CheckAsync(new Grpc.Health.V1.HealthCheckRequest())).Status == Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving) return api;
            }
            catch (Grpc.Core.RpcException) when (clock.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited) { }
            if (process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(60)) throw new InvalidOperationException("Trace.Api did not start");
            await Task.Delay(200);
        }
    }

    private static void Append(StreamWriter log, string? line)
    {
        if (line is null) return;
        lock (log)
        {
            try { log.WriteLine(line); }
            catch (ObjectDisposedException) { } // a last line after the run ended
        }
    }

    /// <summary>CPU time the server process has used so far (user + system).</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>Resident set size and its peak, from /proc (bytes).</summary>
    public (long Rss, long Peak) Memory()
    {
        long rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kb(line);
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak = Kb(line);
        }
        return (rss, peak);
        static long Kb(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false); // SIGKILL; anvil follows through its parent-death signal
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        lock (_log) _log.Dispose();
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Trace.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Trace.sln not found");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
