using Trace.Node.Contracts;
using Trace.Node.Evm.Accounts;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Evm.Integration;

/// <summary>Deploys contracts/src/test/Probe.sol through <see cref="ContractDeployer"/> for one test.</summary>
internal static class ProbeDeployment
{
    public static async Task<ContractClient> DeployAsync(AnvilFixture fixture, TransactionSender? sender = null)
    {
        sender ??= await FundedAccounts.NewSenderAsync(fixture);
        return await ContractDeployer.DeployAsync(ContractArtifact.Load("Probe"), fixture.Eth, sender, []);
    }
}
