using Microsoft.EntityFrameworkCore;

namespace Trace.Node.Storage;

/// <summary>
/// The index operations the API and the anchoring pipeline use. Each call is one short unit of work on its own
/// context; the calls that change several rows do so in one transaction.
/// </summary>
/// <remarks>Split by concern: records (this file's siblings <c>.Records</c>), batches (<c>.Batches</c>), feed and checkpoints (<c>.Feed</c>).</remarks>
public sealed partial class TraceStore(IDbContextFactory<TraceDbContext> contexts, TimeProvider clock, StatusFeedSignal? feedSignal = null)
{
    private readonly StatusFeedSignal _feedSignal = feedSignal ?? new StatusFeedSignal();

    private DateTimeOffset Now => StorageTime.Normalize(clock.GetUtcNow());

    private TraceDbContext Open() => contexts.CreateDbContext();
}
