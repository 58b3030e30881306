namespace Trace.Node.Participants;

/// <summary>A decoded ParticipantRegistry revert: its kind and a message naming the custom error and what it means.</summary>
public sealed record RegistryRefusal(RegistryRefusalKind Kind, string ErrorName, string Message);
