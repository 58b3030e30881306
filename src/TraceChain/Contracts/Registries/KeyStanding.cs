namespace Trace.Chain.Contracts.Registries;

/// <summary>ParticipantRegistry.standingAt's answer: may this key act in these roles at that time?</summary>
public enum KeyStanding : byte
{
    Authorised = 0,
    UnknownKey = 1,
    KeyRetired = 2,
    ParticipantSuspended = 3,
    RoleMissing = 4,
}
