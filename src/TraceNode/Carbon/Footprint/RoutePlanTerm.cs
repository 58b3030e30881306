namespace Trace.Node.Carbon.Footprint;

/// <summary>
/// The route plan a shipment followed: its id, the deadline it met, its time, and P(S), its emissions priced for the
/// shipment's cargo (stored with the shipment as LineageShipmentEntity.PlannedRouteJson).
/// </summary>
/// <param name="PlanId">The plan id the record cites, lower-case 0x-hex.</param>
/// <param name="DeadlineDays">The deadline the plan met.</param>
/// <param name="PlannedDays">The plan's time, transfers included.</param>
/// <param name="CargoTonnes">The mass the shipment carried (cargoMass, else quantity), tonnes.</param>
/// <param name="KgCo2e">P(S): Σ plan legs (distance × <paramref name="CargoTonnes"/>) × intensity.</param>
public sealed record RoutePlanTerm(string PlanId, decimal DeadlineDays, decimal PlannedDays, decimal CargoTonnes, decimal KgCo2e);
