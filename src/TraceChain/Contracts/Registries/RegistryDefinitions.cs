namespace Trace.Chain.Contracts.Registries;

/// <summary>Trace's two registries as <see cref="ContractDefinition"/>s over their generated DTOs (Contracts/Dtos).</summary>
public static class RegistryDefinitions
{
    private static readonly Lazy<ContractDefinition> ParticipantsDefinition = new(() =>
        ContractDefinition.FromNamespace("ParticipantRegistry", typeof(RegistryDefinitions).Assembly, typeof(Dtos.Participants.StandingAtFunction).Namespace!));

    private static readonly Lazy<ContractDefinition> EvidenceDefinition = new(() =>
        ContractDefinition.FromNamespace("EvidenceRegistry", typeof(RegistryDefinitions).Assembly, typeof(Dtos.Evidence.AnchorBatchFunction).Namespace!));

    /// <summary>ParticipantRegistry (contracts/src/ParticipantRegistry.sol).</summary>
    public static ContractDefinition ParticipantRegistry => ParticipantsDefinition.Value;

    /// <summary>EvidenceRegistry (contracts/src/EvidenceRegistry.sol).</summary>
    public static ContractDefinition EvidenceRegistry => EvidenceDefinition.Value;
}
