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
}
