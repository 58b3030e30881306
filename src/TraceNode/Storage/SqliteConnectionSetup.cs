using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Trace.Node.Storage;

/// <summary>Sets the per-connection SQLite pragmas every time EF opens a connection.</summary>
/// <remarks>
/// journal_mode=WAL is persistent in the file and set once by <see cref="DatabaseMigrator"/>; busy_timeout and
/// synchronous are per connection. synchronous=FULL keeps a committed (accepted) claim on disk across a power
/// loss, which NORMAL does not promise in WAL mode. Checkpoints are left to <see cref="SqliteWalCheckpointer"/>;
/// wal_autocheckpoint only stays as a safety net.
/// </remarks>
internal sealed class SqliteConnectionSetup(TraceStorageOptions settings) : DbConnectionInterceptor
{
    private readonly string _pragmas = $"PRAGMA busy_timeout = {settings.SqliteBusyTimeoutMilliseconds}; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; " +
        $"PRAGMA wal_autocheckpoint = {SqliteWalCheckpointer.SafetyNetPages}; PRAGMA cache_size = -{settings.SqliteCacheSizeKiB}; PRAGMA mmap_size = {settings.SqliteMmapSizeBytes};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
