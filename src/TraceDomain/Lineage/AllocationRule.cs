namespace Trace.Domain.Lineage;

/// <summary>How a transformation with several outputs shares its emissions among them.</summary>
public enum AllocationRule
{
    /// <summary>By mass of each output (the default; every output in a mass unit).</summary>
    Mass = 1,

    /// <summary>By economic value: quantity × value per unit of each output.</summary>
    Economic = 2,
}
