namespace Trace.Node.Participants;

/// <summary>The outcome of an admin transaction: the participant as the chain shows it afterwards, and the mined transaction.</summary>
public sealed record ParticipantChange(ParticipantView Participant, byte[] TransactionHash, ulong BlockNumber);
