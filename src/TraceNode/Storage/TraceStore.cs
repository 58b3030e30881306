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
}
