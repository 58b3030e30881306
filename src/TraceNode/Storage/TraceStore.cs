using Microsoft.EntityFrameworkCore;

namespace Trace.Node.Storage;

/// <summary>
/// The index operations the API and the anchoring pipeline use. Each call is one short unit of work on its own
/// context; the calls that change several rows do so in one transaction.
/// </summary>
/// <remarks>Split by concern: records (<c>.Records</c>), bulk inserts and set-based updates for the group commit
/// (<c>.BulkRecords</c>), batches and their state machine (<c>.Batches</c>), mined/confirmed/reorged transitions
/// (<c>.Mining</c>), the status feed and chain checkpoints (<c>.Feed</c>).</remarks>
public sealed partial class TraceStore(IDbContextFactory<TraceDbContext> contexts, TimeProvider clock, StatusFeedSignal? feedSignal = null)
{
    private readonly StatusFeedSignal _feedSignal = feedSignal ?? new StatusFeedSignal();

    private DateTimeOffset Now => StorageTime.Normalize(clock.GetUtcNow());

    private TraceDbContext Open() => contexts.CreateDbContext();

    // Which provider the factory makes is fixed for the store's life; asked once, on the first write.
    private readonly Lazy<SqliteWriteGate> _writeGate = new(() =>
    {
        using var db = contexts.CreateDbContext();
        return new SqliteWriteGate(db.Database.IsSqlite());
    });

    /// <summary>The node's queue for SQLite's write lock (see <see cref="SqliteWriteGate"/>).</summary>
    public SqliteWriteGate WriteGate => _writeGate.Value;

    /// <summary>Waits for a write transaction's turn: take it before BEGIN, dispose it after the transaction ends.</summary>
    public ValueTask<SqliteWriteGate.Turn> WriteTurnAsync(CancellationToken cancellationToken) => WriteGate.EnterAsync(cancellationToken);
}
