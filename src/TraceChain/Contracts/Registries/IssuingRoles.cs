namespace Trace.Chain.Contracts.Registries;

/// <summary>Role sets named once, over <see cref="ParticipantRoles"/> (whose bits a test pins to the contract's ROLE_* constants).</summary>
public static class IssuingRoles
{
    /// <summary>Supplier | carrier | verifier: the roles that may issue evidence (docs/contracts.md).</summary>
    public const ParticipantRoles Any = ParticipantRoles.Supplier | ParticipantRoles.Carrier | ParticipantRoles.Verifier;
}
