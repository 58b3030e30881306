using Trace.Node.Evm.Accounts;
using Trace.Node.Evm.Rpc;

namespace Trace.Node.Contracts;

/// <summary>Deploys a compiled contract and returns a client bound to its new address.</summary>
public static class ContractDeployer
{
    public static async Task<ContractClient> DeployAsync(ContractArtifact artifact, EthRpc eth, TransactionSender sender, object?[] constructorArgs, CancellationToken ct = default)
    {
        var data = artifact.Abi.EncodeDeployment(artifact.Bytecode, constructorArgs);
        TransactionReceipt receipt;
        try
        {
            receipt = await sender.SendAndWaitAsync(new TransactionRequest(null, data), 1, ct).ConfigureAwait(false);
        }
        catch (RpcException ex) when (ContractClient.RevertData(ex) is { } revert)
        {
            throw new ContractCallException(artifact.Name, "constructor", artifact.Abi.DecodeRevert(revert));
        }
        var address = receipt.ContractAddress ?? throw new InvalidOperationException($"deploying {artifact.Name} produced no contract address");
        return new ContractClient(artifact.Name, artifact.Abi, address, eth, sender);
    }
}
