using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Trace.Node.Storage;

/// <summary>Brings the index schema up to date; call once at start-up (e.g. from a hosted service) before serving.</summary>
public sealed class DatabaseMigrator(TraceDbContextFactory factory)
{
    /// <summary>Creates the SQLite directory if needed, switches SQLite to WAL, and applies pending migrations.</summary>
    /// <remarks>EF Core holds a migration lock while applying, so several instances starting together are safe.</remarks>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (factory.Provider == StorageProvider.Sqlite) await PrepareSqliteAsync(cancellationToken).ConfigureAwait(false);
        await using var db = factory.CreateDbContext();
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task PrepareSqliteAsync(CancellationToken cancellationToken)
    {
        var dataSource = new SqliteConnectionStringBuilder(factory.ConnectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);

        // WAL lets readers run while the batcher writes; the mode is stored in the file, so setting it once suffices.
        await using var db = factory.CreateDbContext();
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
    }
}
