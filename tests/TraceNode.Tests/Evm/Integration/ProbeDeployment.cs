using System.Numerics;
using Trace.Chain.Accounts;
using Trace.Chain.Contracts;
using Trace.Crypto;
using Trace.Node.Tests.Evm.Integration.ProbeDtos;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Evm.Integration;

/// <summary>Deploys contracts/src/test/Probe.sol through <see cref="ContractDeployer"/> for one test; its DTOs are in Probe.Dtos.cs.</summary>
internal static class ProbeDeployment
{
    public static ContractDefinition Definition { get; } =
        ContractDefinition.FromNamespace("Probe", typeof(ProbeDeployment).Assembly, typeof(StoreFunction).Namespace!);

    public static async Task<ContractClient> DeployAsync(AnvilFixture fixture, TransactionSender? sender = null)
    {
        sender ??= await FundedAccounts.NewSenderAsync(fixture);
        return await ContractDeployer.DeployAsync(Definition, new ProbeDtos.ProbeDeployment(Hex.Encode(Definition.Bytecode)), fixture.Eth, sender);
    }

    /// <summary>store(newValue, note, tag).</summary>
    public static StoreFunction Store(BigInteger value, string note, byte[] tag) => new() { NewValue = value, Note = note, Tag = tag };
}
