namespace Trace.Domain.Lineage;

/// <summary>One end of a shipment: the participant's address (EIP-55) and the place as a UN/LOCODE.</summary>
public sealed record ShipmentParty(string Participant, string? Location);
