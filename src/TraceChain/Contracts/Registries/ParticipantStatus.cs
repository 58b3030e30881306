namespace Trace.Chain.Contracts.Registries;

/// <summary>A participant's status at a point in time (ParticipantRegistry.statusAt): inactive with no roles before registration.</summary>
public sealed record ParticipantStatus(bool Active, ParticipantRoles Roles);
