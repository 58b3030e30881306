using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Trace.Node.Tests.Storage;

/// <summary>A throwaway PostgreSQL cluster for one test collection: initdb into a temp directory, start on a free port, stop and delete at the end.</summary>
/// <remarks>Does nothing when <see cref="PostgresBinaries.SkipReason"/> is set (the tests are skipped then).</remarks>
public sealed class PostgresClusterFixture : IAsyncLifetime
{
    private string? _root;
    private int _port;

    /// <summary>Connection string of the maintenance database 'postgres'.</summary>
    public string AdminConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres;Pooling=false";

    public async Task InitializeAsync()
    {
        if (PostgresBinaries.Directory is not { } bin) return;
        _root = Path.Combine(Path.GetTempPath(), $"trace-pg-{Guid.NewGuid():N}");
        _port = FreePort();
        var data = Path.Combine(_root, "data");
        // initdb creates the directory itself, so it belongs to whoever runs the cluster (postgres when we are root).
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "--locale=C", "--encoding=UTF8"]);
        await PgCtlAsync(bin, data, "start");
    }

    public async Task DisposeAsync()
    {
        if (_root is null || PostgresBinaries.Directory is not { } bin) return;
        try
        {
            await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(_root, "data"), "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Restarts the server (fast shutdown: open connections are cut), as an operator's restart under load does.</summary>
    public async Task RestartAsync()
    {
        if (_root is null || PostgresBinaries.Directory is not { } bin) throw new InvalidOperationException("the PostgreSQL cluster is not running: " + PostgresBinaries.SkipReason);
        await PgCtlAsync(bin, Path.Combine(_root, "data"), "restart", "-m", "fast");
    }

    // Starts or restarts the server with the one set of server options this throwaway cluster runs with.
    private Task PgCtlAsync(string bin, string data, string action, params string[] extra) =>
        RunAsync(Path.Combine(bin, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(_root!, "server.log"), .. extra, "-w", "-t", "60", action,
             "-o", $"-p {_port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"]);

    /// <summary>Creates an empty database and returns its connection string; one per test keeps tests independent.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        if (_root is null) throw new InvalidOperationException("the PostgreSQL cluster is not running: " + PostgresBinaries.SkipReason);
        var name = $"trace_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return $"Host=127.0.0.1;Port={_port};Username=postgres;Database={name}";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (PostgresBinaries.RunAsPostgresUser)
        {
            start.FileName = "runuser";
            foreach (var a in new[] { "-u", "postgres", "--", program }) start.ArgumentList.Add(a);
        }
        else
        {
            start.FileName = program;
        }
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        // pg_ctl start leaves the server holding our pipes; read to end with a timeout rather than waiting for EOF forever.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {process.ExitCode}: {await stderr}{await stdout}");
    }
}
