using Trace.Node.Lineage.Propagation;
using Trace.Node.Storage;

namespace Trace.Node.Assurance;

/// <summary>The lineage's flag source: the open regulator flags the registry event follower (and the relay) indexed.</summary>
public sealed class IndexedRegulatorFlags(TraceStore store) : IRegulatorFlagSource
{
    /// <inheritdoc />
    public Task<IReadOnlySet<string>> OpenFlagsAsync(IReadOnlyCollection<string> recordIds, CancellationToken cancellationToken) =>
        store.FlaggedAsync(recordIds, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlySet<string>> OpenFlagsAsync(TraceDbContext db, IReadOnlyCollection<string> recordIds, CancellationToken cancellationToken) =>
        TraceStore.FlaggedAsync(db, recordIds, cancellationToken);
}
