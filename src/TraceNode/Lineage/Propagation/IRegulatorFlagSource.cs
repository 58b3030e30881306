using Trace.Node.Storage;

namespace Trace.Node.Lineage.Propagation;

/// <summary>
/// Which of the given records carry an open regulator flag. A flagged record counts as withdrawn
/// (WITHDRAWAL_REASON_FLAGGED) in every footprint resting on it. The node registers the index's flags
/// (Assurance.IndexedRegulatorFlags); flag changes reach the lineage status projector as FLAGGED / UNFLAGGED feed rows.
/// </summary>
public interface IRegulatorFlagSource
{
    /// <summary>The subset of <paramref name="recordIds"/> with an open flag.</summary>
    Task<IReadOnlySet<string>> OpenFlagsAsync(IReadOnlyCollection<string> recordIds, CancellationToken cancellationToken);

    /// <summary>
    /// The same, read through <paramref name="db"/>, the caller's open context (and transaction): the lineage writer
    /// asks once per staged record and per recomputed batch, and a second context and connection per question cost a
    /// fifth of its time. Sources that do not read the index ignore it.
    /// </summary>
    Task<IReadOnlySet<string>> OpenFlagsAsync(TraceDbContext db, IReadOnlyCollection<string> recordIds, CancellationToken cancellationToken) =>
        OpenFlagsAsync(recordIds, cancellationToken);
}
