using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Trace.Node.Storage;

/// <summary>
/// Moves a SQLite database's write-ahead log into the main file from a background timer (PASSIVE checkpoints), so
/// the copy and its disk flush happen beside the writers instead of inside whichever commit crossed the threshold.
/// </summary>
/// <remarks>
/// With automatic checkpoints every 1,000th page makes one commit write and flush megabytes of pages; under group
/// commit that was most of the commit latency. Writers keep SQLite's own checkpoint as a safety net at a higher
/// threshold (<see cref="SafetyNetPages"/>) in case this timer cannot keep up.
/// </remarks>
public sealed partial class SqliteWalCheckpointer : IDisposable
{
    /// <summary>The <c>wal_autocheckpoint</c> writers should use while this runs.</summary>
    public const int SafetyNetPages = 16_384;

    private readonly string _connectionString;
    private readonly ILogger _logger;
    private readonly Timer _timer;
    private readonly Lock _gate = new();
    private SqliteConnection? _connection;
    private bool _disposed;
    private long _completed;

    public SqliteWalCheckpointer(string connectionString, TimeSpan interval, ILogger logger)
    {
        _connectionString = connectionString;
        _logger = logger;
        _timer = new Timer(_ => Checkpoint(), null, interval, interval);
    }

    /// <summary>Checkpoints run to completion so far.</summary>
    public long CompletedCheckpoints => Interlocked.Read(ref _completed);

    /// <summary>Runs one PASSIVE checkpoint now (also what the timer does).</summary>
    public void Checkpoint()
    {
        if (!_gate.TryEnter()) return; // the previous one is still running
        try
        {
            if (_disposed) return;
            _connection ??= Open();
            using var command = _connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            command.ExecuteNonQuery();
            Interlocked.Increment(ref _completed);
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
        {
            LogFailed(_logger, ex);
            _connection?.Dispose();
            _connection = null;
        }
        finally
        {
            _gate.Exit();
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_gate)
        {
            _disposed = true;
            _connection?.Dispose();
            _connection = null;
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    [LoggerMessage(2110, LogLevel.Warning, "WAL checkpoint failed; SQLite's own checkpoint remains as a fallback")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
