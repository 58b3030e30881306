namespace Trace.Chain.Contracts.Registries;

/// <summary>Why a key is retired (ParticipantRegistry.retireKey); both have the same on-chain effect.</summary>
public enum KeyRetirementReason : byte
{
    /// <summary>Still active (keyInfo reports 0 for an unretired key).</summary>
    None = 0,

    /// <summary>Ordinary rotation.</summary>
    Retired = 1,

    /// <summary>The key is (suspected) compromised.</summary>
    Compromised = 2,
}
