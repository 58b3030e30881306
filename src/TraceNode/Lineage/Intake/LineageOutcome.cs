using Trace.Node.Storage;

namespace Trace.Node.Lineage.Intake;

/// <summary>What the lineage commit did with one submission: the record, or the refusal (other records of its group are unaffected).</summary>
public sealed record LineageOutcome(AddClaimResult? Result, Exception? Refusal);
