using Trace.Domain;
using Trace.Domain.Lineage;

namespace Trace.Node.Lineage.Intake;

/// <summary>
/// A parsed lineage record and its accepted claim, queued for the lineage commit, with the canonical bytes the claim's
/// content hash names (empty when the caller stores the content itself).
/// </summary>
public sealed record LineageSubmission(LineageRecord Record, AcceptedClaim Claim, ReadOnlyMemory<byte> Content = default) : LineageWork;
