namespace Trace.Node.Lineage.Propagation;

/// <summary>A shipment without legs on the way of one of a batch's inputs (stored as JSON on the batch).</summary>
public sealed record TransportNotReportedMark(string ShipmentId, string ShipmentRecordId, string BatchId);
