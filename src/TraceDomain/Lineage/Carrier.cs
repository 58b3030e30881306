namespace Trace.Domain.Lineage;

/// <summary>Who carried a shipment: a participant address and/or a name.</summary>
public sealed record Carrier(string? Participant, string? Name);
