using Microsoft.Extensions.Logging;
using Trace.Chain.Accounts;
using Trace.Chain.Contracts.Registries;
using Trace.Chain.Rpc;
using Trace.Crypto;

namespace Trace.Chain.Contracts.Deployment;

/// <summary>
/// Deploys ParticipantRegistry and EvidenceRegistry (the operator is the registry's admin and is
/// registered as the Operator participant), or reuses the deployment recorded in the data directory.
/// </summary>
public static class TraceDeployer
{
    /// <summary>The operator's participant id: keccak256("trace-operator").</summary>
    public static byte[] OperatorParticipantId { get; } = Keccak256.HashUtf8("trace-operator");

    /// <summary>Reuses data/deployment.json when its contracts exist on this chain; deploys otherwise.</summary>
    /// <param name="redeployWhenMissing">
    /// true for a throwaway chain (embedded Anvil whose state was reset); on an external chain a record whose
    /// contracts vanished is an error, not something to paper over with a new deployment.
    /// </param>
    public static async Task<TraceDeploymentRecord> EnsureDeployedAsync(
        string dataDirectory, EthRpc eth, TransactionSender sender, ILogger logger, bool redeployWhenMissing = true, CancellationToken ct = default)
    {
        var chainId = await eth.ChainIdAsync(ct).ConfigureAwait(false);
        if (TraceDeploymentStore.Load(dataDirectory) is { } existing)
        {
            if (existing.ChainId != chainId)
                throw new InvalidOperationException(
                    $"{TraceDeploymentStore.PathIn(dataDirectory)} records chain {existing.ChainId} but the node answers chain {chainId}: use another data directory");
            var registryCode = await eth.GetCodeAsync(existing.ParticipantRegistry, ct: ct).ConfigureAwait(false);
            var evidenceCode = await eth.GetCodeAsync(existing.EvidenceRegistry, ct: ct).ConfigureAwait(false);
            if (registryCode.Length > 0 && evidenceCode.Length > 0)
            {
                logger.LogInformation("Using Trace contracts from {Path}: ParticipantRegistry {Participants}, EvidenceRegistry {Evidence}",
                    TraceDeploymentStore.PathIn(dataDirectory), existing.ParticipantRegistry, existing.EvidenceRegistry);
                return existing;
            }
            if (!redeployWhenMissing)
                throw new InvalidOperationException(
                    $"the contracts recorded in {TraceDeploymentStore.PathIn(dataDirectory)} have no code on chain {chainId}");
            logger.LogWarning("The contracts recorded in {Path} are gone from the chain (state reset?); deploying new ones", TraceDeploymentStore.PathIn(dataDirectory));
        }

        var record = await DeployAsync(eth, sender, ct).ConfigureAwait(false);
        TraceDeploymentStore.Save(dataDirectory, record);
        logger.LogInformation("Deployed Trace contracts on chain {ChainId} at block {Block}: ParticipantRegistry {Participants}, EvidenceRegistry {Evidence}",
            record.ChainId, record.DeployedAtBlock, record.ParticipantRegistry, record.EvidenceRegistry);
        return record;
    }

    /// <summary>Deploys both registries and registers the sender as the Operator participant.</summary>
    public static async Task<TraceDeploymentRecord> DeployAsync(EthRpc eth, TransactionSender sender, CancellationToken ct = default)
    {
        var chainId = await eth.ChainIdAsync(ct).ConfigureAwait(false);
        var participantDefinition = RegistryDefinitions.ParticipantRegistry;
        var evidenceDefinition = RegistryDefinitions.EvidenceRegistry;
        var participants = new ParticipantRegistryClient(await ContractDeployer.DeployAsync(participantDefinition,
            new Dtos.Participants.ParticipantRegistryDeployment(Hex.Encode(participantDefinition.Bytecode)) { Admin = sender.Address.ToString() }, eth, sender, ct).ConfigureAwait(false));
        var evidence = new EvidenceRegistryClient(await ContractDeployer.DeployAsync(evidenceDefinition,
            new Dtos.Evidence.EvidenceRegistryDeployment(Hex.Encode(evidenceDefinition.Bytecode)) { ParticipantRegistry = participants.Address.ToString() }, eth, sender, ct).ConfigureAwait(false));
        var registration = await participants.RegisterParticipantAsync(OperatorParticipantId, "trace:operator", new byte[32], ParticipantRoles.Operator,
            [sender.Address], ct).ConfigureAwait(false);
        var participantVersion = await participants.VersionAsync(ct).ConfigureAwait(false);
        var evidenceVersion = await evidence.VersionAsync(ct).ConfigureAwait(false);
        return new TraceDeploymentRecord(chainId, participants.Address, evidence.Address, participantVersion, evidenceVersion,
            sender.Address, registration.Receipt.BlockNumber, DateTimeOffset.UtcNow);
    }
}
