namespace Trace.Node.Carbon.Footprint;

/// <summary>The route plan a shipment followed: its id, the deadline it met, its time and P(S), its emissions for the shipped cargo.</summary>
public sealed record RoutePlanTerm(string PlanId, decimal DeadlineDays, decimal PlannedDays, decimal CargoTonnes, decimal KgCo2e);
