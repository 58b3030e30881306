namespace Trace.Node.Evidence;

/// <summary>A key's standing in the ParticipantRegistry (values of the contract's Standing enum).</summary>
public enum IssuerStanding : byte
{
    Authorised = 0,
    UnknownKey = 1,
    KeyRetired = 2,
    ParticipantSuspended = 3,
    RoleMissing = 4,
}
