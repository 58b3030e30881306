namespace Trace.Chain.Contracts.Registries;

/// <summary>ParticipantRegistry.standingAt's answer: the first failing condition (or Authorised) and the key's participant.</summary>
/// <param name="ParticipantId">The participant owning the key; 32 zero bytes when the key was never registered.</param>
public sealed record KeyStandingResult(KeyStanding Standing, byte[] ParticipantId)
{
    public bool IsAuthorised => Standing == KeyStanding.Authorised;
}
