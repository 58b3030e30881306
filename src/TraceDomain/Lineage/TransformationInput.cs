namespace Trace.Domain.Lineage;

/// <summary>A batch consumed by a transformation: how much, and the shipment it arrived by (null when from own stock).</summary>
public sealed record TransformationInput(string BatchId, Quantity Quantity, string? ShipmentId);
