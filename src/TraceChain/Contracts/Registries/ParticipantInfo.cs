namespace Trace.Chain.Contracts.Registries;

/// <summary>A participant's current record (ParticipantRegistry.participant).</summary>
/// <param name="RegisteredAt">Unix seconds of registration.</param>
/// <param name="Active">False while suspended.</param>
/// <param name="KeyCount">Keys ever added, retired ones included.</param>
public sealed record ParticipantInfo(string MetadataUri, byte[] MetadataHash, ulong RegisteredAt, bool Active, ParticipantRoles Roles, int KeyCount);
