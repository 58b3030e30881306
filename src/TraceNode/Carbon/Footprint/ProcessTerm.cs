namespace Trace.Node.Carbon.Footprint;

/// <summary>The transformation producing a batch: process emissions, inputs, and the batch's allocation weight among all outputs.</summary>
/// <param name="Weight">This output's weight: mass in kg (mass allocation) or quantity × value per unit (economic).</param>
/// <param name="TotalWeight">Σ weights of all outputs.</param>
public sealed record ProcessTerm(
    string TransformationId,
    string RecordId,
    decimal Weight,
    decimal TotalWeight,
    StatedFigure? Scope1,
    StatedFigure? Scope2,
    IReadOnlyList<InputTerm> Inputs)
{
    /// <summary>True when the batch takes the whole total (single output, or the others weigh nothing).</summary>
    public bool TakesAll => Weight == TotalWeight;
}
