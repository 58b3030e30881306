using Trace.Node.Storage.Entities;

namespace Trace.Node.Evidence;

/// <summary>The stored record and whether this submission created it (false: the same signed claim was already accepted).</summary>
public sealed record SubmissionResult(EvidenceRecordEntity Record, bool Created);
