using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Trace.Node.Storage;

namespace Trace.Node.Tests.Storage;

/// <summary>The store contract on a real SQLite file in a temp directory.</summary>
public sealed class SqliteStoreTests : StoreContract
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"trace-sqlite-{Guid.NewGuid():N}");

    protected override Task<TraceStorageOptions> CreateOptionsAsync() =>
        Task.FromResult(new TraceStorageOptions { Provider = StorageProvider.Sqlite, DataDirectory = _directory });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Migrator_puts_the_default_file_under_the_data_directory_in_wal_mode()
    {
        Assert.True(File.Exists(Path.Combine(_directory, "trace.db")));
        await using var db = Contexts.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Every_connection_reads_through_the_configured_memory_map_and_page_cache()
    {
        using var tuned = new TraceDbContextFactory(Microsoft.Extensions.Options.Options.Create(new TraceStorageOptions
        {
            Provider = StorageProvider.Sqlite, DataDirectory = _directory, SqliteMmapSizeBytes = 64L * 1024 * 1024, SqliteCacheSizeKiB = 8192,
        }));
        await using var db = tuned.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        Assert.Equal(64L * 1024 * 1024, await PragmaAsync(db, "mmap_size"));
        Assert.Equal(-8192L, await PragmaAsync(db, "cache_size"));

        // The defaults: a 256 MiB map, SQLite's own 2,000 KiB cache.
        await using var plain = Contexts.CreateDbContext();
        await plain.Database.OpenConnectionAsync();
        Assert.Equal(256L * 1024 * 1024, await PragmaAsync(plain, "mmap_size"));
        Assert.Equal(-2000L, await PragmaAsync(plain, "cache_size"));
    }

    private static async Task<long> PragmaAsync(TraceDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
