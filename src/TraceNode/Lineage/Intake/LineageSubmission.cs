using Trace.Domain;
using Trace.Domain.Lineage;

namespace Trace.Node.Lineage.Intake;

/// <summary>A parsed lineage record and its accepted claim, queued for the lineage commit.</summary>
public sealed record LineageSubmission(LineageRecord Record, AcceptedClaim Claim) : LineageWork;
