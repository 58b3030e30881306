namespace Trace.Node.Lineage.Storage.Entities;

/// <summary>One output of a current transformation, with what its allocation share is computed from.</summary>
public sealed class LineageOutputEntity
{
    /// <summary>The transformation.</summary>
    public required string TransformationId { get; set; }

    /// <summary>Position in the record's outputs.</summary>
    public int Position { get; set; }

    /// <summary>The output batch.</summary>
    public required string BatchId { get; set; }

    /// <summary>Produced amount as the record states it.</summary>
    public decimal Amount { get; set; }

    /// <summary>Unit of <see cref="Amount"/>.</summary>
    public required string Unit { get; set; }

    /// <summary>Economic value per unit (economic allocation); null otherwise.</summary>
    public decimal? ValuePerUnit { get; set; }

    /// <summary>The allocation weight: mass in kg (mass allocation) or quantity × value per unit (economic).</summary>
    public decimal Weight { get; set; }
}
