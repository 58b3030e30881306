namespace Trace.Node.Lineage.Queries;

/// <summary>A batch of a lineage graph.</summary>
/// <param name="RestsOnFlagged">True when its withdrawn evidence includes a record with an open regulator flag.</param>
public sealed record LineageGraphNode(
    string BatchId, int Depth, string BatchRecordId, string Producer, string ProductName, decimal Quantity, string Unit,
    decimal Total, bool Declared, decimal? Contribution, string Standing, bool RestsOnWithdrawn, bool TransportNotReported, string? ProducedBy,
    bool RestsOnFlagged = false);

/// <summary>A transformation input from one batch into an output batch.</summary>
public sealed record LineageGraphEdge(
    string FromBatchId, string ToBatchId, string TransformationId, string TransformationRecordId, decimal Amount, string Unit, string? ShipmentId, decimal AllocationShare);

/// <summary>A shipment of a batch (downstream answers).</summary>
public sealed record LineageGraphShipment(
    string ShipmentId, string RecordId, string BatchId, decimal Amount, string Unit, string FromParticipant, string? FromLocation,
    string ToParticipant, string? ToLocation, string? DrawsFrom, int LegCount);

/// <summary>An upstream or downstream lineage graph.</summary>
public sealed record LineageGraph(IReadOnlyList<LineageGraphNode> Nodes, IReadOnlyList<LineageGraphEdge> Edges, IReadOnlyList<LineageGraphShipment> Shipments, bool Truncated);
