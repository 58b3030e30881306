namespace Trace.Client.Standards.Pact;

/// <summary>One part of a footprint after allocation: stage, kgCO2e, how it was obtained, and the record it comes from.</summary>
/// <param name="Stage">OwnScope1, OwnScope2, ProcessScope1, ProcessScope2, Input, TransportLeg or Declared.</param>
/// <param name="Method">measured, calculated or default_factor; null for inputs and declarations.</param>
public sealed record PactFigure(string Stage, decimal KgCo2e, decimal PrimaryKgCo2e, decimal VerifiedKgCo2e, string? Method, string RecordId,
    string? InputBatchId = null, string? ShipmentId = null, int? LegIndex = null, string? FactorSetVersion = null);
