using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Trace.Node.Storage;

namespace Trace.Node.Tests.Storage;

/// <summary>Background checkpoints keep the write-ahead log small while writers run with only the safety-net threshold.</summary>
public sealed class SqliteWalCheckpointerTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"trace-wal-{Guid.NewGuid():N}");

    public SqliteWalCheckpointerTests() => Directory.CreateDirectory(_directory);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Sustained_writes_leave_the_log_far_below_the_safety_net()
    {
        var connectionString = $"Data Source={Path.Combine(_directory, "test.db")}";
        await using var writer = new SqliteConnection(connectionString);
        writer.Open();
        Execute(writer, $"PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = {SqliteWalCheckpointer.SafetyNetPages}; " +
                        "CREATE TABLE rows (id INTEGER PRIMARY KEY, payload BLOB NOT NULL);");
        using var checkpointer = new SqliteWalCheckpointer(connectionString, TimeSpan.FromMilliseconds(20), NullLogger.Instance);

        // 48 MiB in 1,536 transactions of 32 KiB: without checkpoints the log would grow to the 64 MiB safety net.
        var payload = new byte[32 * 1024];
        for (var i = 0; i < 1536; i++)
        {
            using var insert = writer.CreateCommand();
            insert.CommandText = "INSERT INTO rows (payload) VALUES ($p)";
            insert.Parameters.AddWithValue("$p", payload);
            insert.ExecuteNonQuery();
            if (i % 64 == 63) await NextCheckpointAsync(checkpointer); // the timer runs between bursts, as between group commits
        }
        checkpointer.Checkpoint();

        var walBytes = new FileInfo(Path.Combine(_directory, "test.db-wal")).Length;
        Assert.True(walBytes < 16L * 1024 * 1024, $"the WAL grew to {walBytes / 1024 / 1024} MiB");
        Assert.Equal(1536L, Scalar(writer, "SELECT count(*) FROM rows"));
    }

    // Waits for a checkpoint of the timer's that started after the burst (the second completion from now: the
    // first may have begun mid-burst), so the test does not depend on how busy the machine is.
    private static async Task NextCheckpointAsync(SqliteWalCheckpointer checkpointer)
    {
        var target = checkpointer.CompletedCheckpoints + 2;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (checkpointer.CompletedCheckpoints < target && DateTime.UtcNow < deadline) await Task.Delay(5);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
