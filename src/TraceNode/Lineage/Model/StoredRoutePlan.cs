namespace Trace.Node.Lineage.Model;

/// <summary>
/// The route plan a shipment cites, as stored with the shipment (PlannedRouteJson): what the plan emits for the cargo
/// this shipment carried, beside the plan's own question and figures.
/// </summary>
/// <param name="PlanId">The plan id the record cites, lower-case 0x-hex.</param>
/// <param name="Origin">The plan's start (UN/LOCODE).</param>
/// <param name="Destination">The plan's end (UN/LOCODE).</param>
/// <param name="DeadlineDays">The deadline the plan met.</param>
/// <param name="PlannedDays">The plan's time, transfers included.</param>
/// <param name="PlanCargoTonnes">The cargo mass the plan was priced for.</param>
/// <param name="PlanKgCo2e">The plan's emissions for that mass.</param>
/// <param name="CargoTonnes">The mass this shipment carried (cargoMass, else quantity), tonnes.</param>
/// <param name="KgCo2e">P(S): the plan's emissions for <paramref name="CargoTonnes"/>, Σ legs (distance × tonnes) × intensity.</param>
/// <param name="FactorSetVersion">The transport factor set the plan was priced with.</param>
public sealed record StoredRoutePlan(
    string PlanId,
    string Origin,
    string Destination,
    decimal DeadlineDays,
    decimal PlannedDays,
    decimal PlanCargoTonnes,
    decimal PlanKgCo2e,
    decimal CargoTonnes,
    decimal KgCo2e,
    string FactorSetVersion);
