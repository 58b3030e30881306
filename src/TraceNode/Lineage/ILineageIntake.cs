using Trace.Domain.Lineage;
using Trace.Node.Evidence;

namespace Trace.Node.Lineage;

/// <summary>
/// The seam where the lineage engine joins record intake. <see cref="EvidenceIntake"/> calls it for every structured lineage
/// record (kinds 16, 17, 18 and structured 7) once the record has passed its schema and single-record checks and the
/// claim has passed validation.
/// </summary>
/// <remarks>
/// Order for one submission: <see cref="AcceptAsync"/> → blob stored → claim committed → <see cref="CommittedAsync"/>.
/// A resubmission of an already accepted claim runs the same order (the commit answers "not created"), so an implementation
/// must treat a record id it already holds as a repeat, not a conflict.
/// </remarks>
public interface ILineageIntake
{
    /// <summary>Cross-record checks before anything is stored; throw <see cref="Trace.Domain.InvalidFieldException"/> to refuse.</summary>
    Task AcceptAsync(LineageRecord record, ValidatedClaim claim, CancellationToken ct);

    /// <summary>The claim is stored (<paramref name="result"/> says whether this submission created it): record the lineage.</summary>
    Task CommittedAsync(LineageRecord record, ValidatedClaim claim, SubmissionResult result, CancellationToken ct);
}
