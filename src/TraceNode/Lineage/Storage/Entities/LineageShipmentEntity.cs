namespace Trace.Node.Lineage.Storage.Entities;

/// <summary>The current record of a shipment: what it carried, between whom, how much of it was used, and its legs' emissions.</summary>
public sealed class LineageShipmentEntity
{
    /// <summary>The shipment identifier.</summary>
    public required string ShipmentId { get; set; }

    /// <summary>The current shipment record.</summary>
    public required string RecordId { get; set; }

    /// <summary>Issuer of the record.</summary>
    public required string Issuer { get; set; }

    /// <summary>The batch carried.</summary>
    public required string BatchId { get; set; }

    /// <summary>Amount as the record states it.</summary>
    public decimal RecordedAmount { get; set; }

    /// <summary>Unit as the record states it.</summary>
    public required string RecordedUnit { get; set; }

    /// <summary>q(S): the amount in the batch's unit.</summary>
    public decimal Quantity { get; set; }

    /// <summary>Sender.</summary>
    public required string FromParticipant { get; set; }

    /// <summary>Sender's UN/LOCODE.</summary>
    public string? FromLocation { get; set; }

    /// <summary>Receiver.</summary>
    public required string ToParticipant { get; set; }

    /// <summary>Receiver's UN/LOCODE.</summary>
    public string? ToLocation { get; set; }

    /// <summary>The shipment this one draws from (onward shipment of received goods); null otherwise.</summary>
    public string? DrawsFrom { get; set; }

    /// <summary>Drawn from this shipment: consumption by the receiver plus onward shipments, in the batch's unit.</summary>
    public decimal Consumed { get; set; }

    /// <summary>E(S): the legs' emissions, kgCO2e.</summary>
    public decimal LegsKg { get; set; }

    /// <summary>The primary part of <see cref="LegsKg"/> (measured or calculated legs).</summary>
    public decimal LegsPrimaryKg { get; set; }

    /// <summary>Number of legs; 0 = transport not reported.</summary>
    public int LegCount { get; set; }

    /// <summary>The legs with their computed kgCO2e, as JSON.</summary>
    public string LegsJson { get; set; } = "[]";

    /// <summary>The route plan the record cites, with its emissions for this cargo, as JSON (RoutePlanTerm); null when none.</summary>
    public string? PlannedRouteJson { get; set; }
}
