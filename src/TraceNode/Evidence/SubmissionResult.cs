using Trace.Domain;

namespace Trace.Node.Evidence;

/// <summary>The stored record and whether this submission created it (false: the same signed claim was already accepted).</summary>
public sealed record SubmissionResult(EvidenceRecord Record, bool Created);
