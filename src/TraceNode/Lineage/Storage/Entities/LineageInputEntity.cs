namespace Trace.Node.Lineage.Storage.Entities;

/// <summary>One input of a current transformation: the batch consumed, how much, and the shipment it arrived by.</summary>
public sealed class LineageInputEntity
{
    /// <summary>The transformation.</summary>
    public required string TransformationId { get; set; }

    /// <summary>Position in the record's inputs.</summary>
    public int Position { get; set; }

    /// <summary>The input batch.</summary>
    public required string BatchId { get; set; }

    /// <summary>Consumed amount as the record states it.</summary>
    public decimal Amount { get; set; }

    /// <summary>Unit of <see cref="Amount"/> as the record states it.</summary>
    public required string Unit { get; set; }

    /// <summary>Consumed amount in the input batch's unit (c_i).</summary>
    public decimal Converted { get; set; }

    /// <summary>The shipment the input arrived by; null when drawn from the producer's own stock.</summary>
    public string? ShipmentId { get; set; }
}
