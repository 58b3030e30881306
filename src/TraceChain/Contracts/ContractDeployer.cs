using Nethereum.Contracts;
using Nethereum.Contracts.MessageEncodingServices;
using Trace.Chain.Accounts;
using Trace.Chain.Rpc;
using Trace.Crypto;

namespace Trace.Chain.Contracts;

/// <summary>Deploys a compiled contract from its typed Nethereum deployment message and returns a client bound to its new address.</summary>
public static class ContractDeployer
{
    public static async Task<ContractClient> DeployAsync<TDeployment>(ContractDefinition definition, TDeployment deployment, EthRpc eth, TransactionSender sender,
        CancellationToken ct = default)
        where TDeployment : ContractDeploymentMessage, new()
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(sender);
        var data = Hex.Decode(new DeploymentMessageEncodingService<TDeployment>(sender.Address.ToString()).GetDeploymentData(deployment));
        TransactionReceipt receipt;
        try
        {
            receipt = await sender.SendAndWaitAsync(new TransactionRequest(null, data), 1, ct).ConfigureAwait(false);
        }
        catch (RpcException ex) when (ContractClient.RevertData(ex) is { } revert)
        {
            throw new ContractCallException(definition.Name, "constructor", definition.DecodeRevert(revert));
        }
        var address = receipt.ContractAddress ?? throw new InvalidOperationException($"deploying {definition.Name} produced no contract address");
        return new ContractClient(definition, address, eth, sender);
    }
}
