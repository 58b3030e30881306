namespace Trace.Node.Lineage.Propagation;

/// <summary>
/// Hook for issue 14 (regulator flags): which of the given records carry an open regulator flag. A flagged record
/// counts as withdrawn (WITHDRAWAL_REASON_FLAGGED) in every footprint resting on it. Until issue 14 lands, the
/// registered source is <see cref="NoRegulatorFlags"/>; when flags change, feed the record ids to the lineage status
/// projector (LineageStatusProjector.RefreshAsync, or a status feed row) so marks follow.
/// </summary>
public interface IRegulatorFlagSource
{
    /// <summary>The subset of <paramref name="recordIds"/> with an open flag.</summary>
    Task<IReadOnlySet<string>> OpenFlagsAsync(IReadOnlyCollection<string> recordIds, CancellationToken cancellationToken);
}
