using Trace.Chain.Contracts.Registries;

namespace Trace.Node.Participants;

/// <summary>One period of a participant's standing and roles, from its status checkpoints.</summary>
/// <param name="SuspensionReason">The on-chain reason code when the period starts with a suspension; null otherwise.</param>
public sealed record ParticipantStatusPeriod(DateTimeOffset Since, bool Active, ParticipantRoles Roles, ushort? SuspensionReason);
