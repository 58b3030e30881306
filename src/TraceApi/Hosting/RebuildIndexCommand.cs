using Microsoft.Data.Sqlite;
using Trace.Node.Chain;
using Trace.Node.Hosting;
using Trace.Node.Rebuild;
using Trace.Node.Storage;

namespace Trace.Api.Hosting;

/// <summary>
/// <c>dotnet Trace.Api.dll rebuild-index [--data-dir DIR] [--output FILE]</c>: the offline rebuild (docs/rebuild.md).
/// With the node stopped, builds a fresh SQLite index from the blob store's journal and the chain (the managed Anvil in
/// embedded mode is started for it), then, without <c>--output</c>, moves the old index files aside
/// (<c>trace.db.before-rebuild-&lt;time&gt;*</c>) and puts the rebuilt one in their place.
/// </summary>
/// <remarks>Exit codes: 0 rebuilt; 1 the rebuild failed (the old index is untouched); 2 bad arguments.</remarks>
public static class RebuildIndexCommand
{
    /// <summary>The command's name on the command line.</summary>
    public const string Name = "rebuild-index";

    /// <summary>Runs the command; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var settings = new List<string>();
        string? output = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--data-dir" when i + 1 < args.Length:
                    settings.Add($"--Trace:DataDirectory={args[++i]}");
                    break;
                case "--output" when i + 1 < args.Length:
                    output = Path.GetFullPath(args[++i]);
                    break;
                case "-h" or "--help":
                    Console.WriteLine("usage: Trace.Api rebuild-index [--data-dir DIR] [--output FILE] [--Section:Key=value ...]");
                    return 0;
                default:
                    if (!args[i].StartsWith("--", StringComparison.Ordinal) || !args[i].Contains('=', StringComparison.Ordinal))
                    {
                        Console.Error.WriteLine($"rebuild-index: unknown argument '{args[i]}' (see --help)");
                        return 2;
                    }
                    settings.Add(args[i]);
                    break;
            }
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [.. settings], ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddTraceNode();
        using var host = builder.Build();
        var chain = host.Services.GetRequiredService<ChainConnection>();
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        string? live = null;
        if (output is null)
        {
            var factory = host.Services.GetRequiredService<TraceDbContextFactory>();
            if (factory.Provider != StorageProvider.Sqlite)
            {
                Console.Error.WriteLine("rebuild-index: the index is PostgreSQL; give --output FILE (a SQLite file) and load it yourself");
                return 2;
            }
            live = Path.GetFullPath(new SqliteConnectionStringBuilder(factory.ConnectionString).DataSource);
            output = live + ".rebuilding-" + stamp;
            // What a killed rebuild left behind is never used: its index was not complete.
            foreach (var stale in Directory.EnumerateFiles(Path.GetDirectoryName(live)!, Path.GetFileName(live) + ".rebuilding-*"))
                File.Delete(stale);
        }
        try
        {
            await chain.StartAsync(CancellationToken.None);
            await host.Services.GetRequiredService<TraceContracts>().StartAsync(CancellationToken.None);
            var report = await host.Services.GetRequiredService<IndexRebuilder>().RebuildAsync(output, CancellationToken.None);
            SqliteConnection.ClearAllPools();
            foreach (var problem in report.Unreadable) Console.Error.WriteLine($"rebuild-index: {problem}");
            foreach (var refused in report.Refused) Console.Error.WriteLine($"rebuild-index: refused on replay: {refused}");
            if (live is not null)
            {
                // Whenever this process dies from here on, the live index is the old one, whole, or the rebuilt one: the old
                // one's WAL is folded into its file first, the file is copied aside, and the rebuilt file replaces it in one rename.
                if (File.Exists(live))
                {
                    try
                    {
                        await using var old = new SqliteConnection($"Data Source={live};Pooling=False");
                        await old.OpenAsync();
                        await using var checkpoint = old.CreateCommand();
                        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                        await checkpoint.ExecuteNonQueryAsync();
                    }
                    catch (SqliteException)
                    {
                        // A damaged old index (a reason to rebuild): keep it aside as it is, WAL and all.
                    }
                    foreach (var suffix in new[] { "", "-wal" })
                        if (File.Exists(live + suffix)) File.Copy(live + suffix, $"{live}.before-rebuild-{stamp}{suffix}");
                }
                foreach (var suffix in new[] { "-wal", "-shm" })
                    if (File.Exists(live + suffix)) File.Delete(live + suffix);
                File.Move(output, live, overwrite: true);
                output = live;
            }
            Console.WriteLine($"rebuild-index: {report.Records} records, {report.Batches} batches ({report.Anchored} anchored), " +
                              $"{report.Withdrawn} withdrawn, {report.RpcCalls} RPC calls, {report.Elapsed.TotalSeconds:F1} s -> {output}");
            return 0;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"rebuild-index: failed: {e.GetType().Name}: {e.Message}");
            return 1;
        }
        finally
        {
            await chain.DisposeAsync();
        }
    }
}
