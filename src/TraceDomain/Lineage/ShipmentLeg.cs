namespace Trace.Domain.Lineage;

/// <summary>One leg of a shipment: mode, places, distance and either a measured figure or none (the mode's default factor applies).</summary>
public sealed record ShipmentLeg(TransportMode Mode, string? From, string? To, decimal DistanceKm, EmissionFigure? Measured);
