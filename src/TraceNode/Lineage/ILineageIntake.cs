using Trace.Domain;

namespace Trace.Node.Lineage;

/// <summary>
/// The seam where the lineage engine joins record intake. Evidence intake calls it for every structured lineage record
/// (kinds 16, 17, 18 and structured 7) once the claim has passed validation and the record its schema and
/// single-record checks.
/// </summary>
/// <remarks>
/// Order for one submission: <see cref="AcceptAsync"/> → blob stored → claim committed → <see cref="CommittedAsync"/>.
/// A resubmission of an already accepted claim runs the same order (the commit answers "not created"), so an implementation
/// must treat a record id it already holds as a repeat, not a conflict.
/// </remarks>
public interface ILineageIntake
{
    /// <summary>Cross-record checks before anything is stored; throw <see cref="InvalidFieldException"/> to refuse.</summary>
    Task AcceptAsync(LineageSubmission submission, CancellationToken ct);

    /// <summary>The claim is stored as <paramref name="stored"/> (<paramref name="created"/>: by this submission): record the lineage.</summary>
    Task CommittedAsync(LineageSubmission submission, EvidenceRecord stored, bool created, CancellationToken ct);
}
