using Trace.Domain;
using Trace.Domain.Lineage;

namespace Trace.Node.Evidence;

/// <summary>The stored record and whether this submission created it (false: the same signed claim was already accepted).</summary>
public sealed record SubmissionResult(EvidenceRecord Record, bool Created)
{
    /// <summary>The parsed lineage record when the submission was a structured lineage record (kinds 16, 17, 18, structured 7).</summary>
    public LineageRecord? Lineage { get; init; }
}
