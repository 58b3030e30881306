namespace Trace.Domain.Lineage;

/// <summary>A batch produced by a transformation, with its economic value per unit when allocation is economic.</summary>
public sealed record TransformationOutput(string BatchId, Quantity Quantity, decimal? EconomicValuePerUnit);
