namespace Trace.Node.Carbon.Footprint;

/// <summary>
/// Planned against recorded transport for one shipment on an input's way that followed a route plan: the whole
/// shipment's figures, and this batch's share of each, allocated like its transport-leg components.
/// </summary>
public sealed record PlannedTransport
{
    /// <summary>The input batch the shipment carried.</summary>
    public required string InputBatchId { get; init; }

    /// <summary>The transformation that consumed it.</summary>
    public required string TransformationId { get; init; }

    /// <summary>The shipment the input arrived by.</summary>
    public required string ShipmentId { get; init; }

    /// <summary>The shipment that followed the plan (<see cref="ShipmentId"/>, or one it drew from).</summary>
    public required string PlannedShipmentId { get; init; }

    /// <summary>That shipment's record.</summary>
    public required string ShipmentRecordId { get; init; }

    /// <summary>The plan it cites.</summary>
    public required string PlanId { get; init; }

    /// <summary>The deadline the plan met, days.</summary>
    public decimal DeadlineDays { get; init; }

    /// <summary>The plan's time, days.</summary>
    public decimal PlannedDays { get; init; }

    /// <summary>The shipment's cargo, tonnes, that P(S) was priced for.</summary>
    public decimal CargoTonnes { get; init; }

    /// <summary>q(S), in the shipped batch's unit.</summary>
    public decimal ShipmentQuantity { get; init; }

    /// <summary>P(S): the plan's emissions for the shipment's cargo.</summary>
    public decimal PlannedShipmentKgCo2e { get; init; }

    /// <summary>E(S): the shipment's recorded legs.</summary>
    public decimal RecordedShipmentKgCo2e { get; init; }

    /// <summary>This batch's share of P(S): w·(c·P(S)/q(S))/W.</summary>
    public decimal PlannedKgCo2e { get; init; }

    /// <summary>This batch's share of E(S): w·(c·E(S)/q(S))/W.</summary>
    public decimal RecordedKgCo2e { get; init; }

    /// <summary>Recorded minus planned, this batch's share (positive: more emitted than planned).</summary>
    public decimal DifferenceKgCo2e => RecordedKgCo2e - PlannedKgCo2e;
}
