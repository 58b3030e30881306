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
}
