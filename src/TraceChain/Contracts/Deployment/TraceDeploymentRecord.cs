using Trace.Crypto;

namespace Trace.Chain.Contracts.Deployment;

/// <summary>Where Trace's registries live on one chain; written to data/deployment.json and reused on later starts.</summary>
public sealed record TraceDeploymentRecord(
    ulong ChainId,
    EthereumAddress ParticipantRegistry,
    EthereumAddress EvidenceRegistry,
    string ParticipantRegistryVersion,
    string EvidenceRegistryVersion,
    EthereumAddress Operator,
    ulong DeployedAtBlock,
    DateTimeOffset DeployedAt);
