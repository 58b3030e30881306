namespace Trace.Domain.Lineage;

/// <summary>A transformation (kind 17): input batches consumed into output batches, with process emissions and an allocation rule.</summary>
public sealed record TransformationRecord(
    string TransformationId,
    Facility? Facility,
    Period? Period,
    IReadOnlyList<TransformationInput> Inputs,
    IReadOnlyList<TransformationOutput> Outputs,
    AllocationRule Allocation,
    ScopeEmissions Emissions) : LineageRecord
{
    public override string Identifier => TransformationId;

    public override IReadOnlyList<string> CitedRecordIds() => Distinct(EvidenceOf(Emissions));
}
