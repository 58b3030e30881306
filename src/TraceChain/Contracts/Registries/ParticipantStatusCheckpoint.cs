namespace Trace.Chain.Contracts.Registries;

/// <summary>One entry of a participant's status history (ParticipantRegistry.statusHistoryAt): in force from <paramref name="Since"/> (unix seconds).</summary>
public sealed record ParticipantStatusCheckpoint(ulong Since, bool Active, ParticipantRoles Roles);
