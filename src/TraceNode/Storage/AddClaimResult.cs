using Trace.Domain;

namespace Trace.Node.Storage;

/// <summary>The record for a submitted claim, and whether this call created it or found it already there.</summary>
public sealed record AddClaimResult(EvidenceRecord Record, bool Created);
