namespace Trace.Chain.Contracts.Registries;

/// <summary>Role bits of ParticipantRegistry (contracts/src/ParticipantRegistry.sol, library Roles).</summary>
[Flags]
public enum ParticipantRoles : ushort
{
    None = 0,
    Operator = 1,
    Supplier = 2,
    Carrier = 4,
    Verifier = 8,
    Regulator = 16,
    Buyer = 32,
}
