using Microsoft.Extensions.Logging.Abstractions;
using Trace.Chain.Accounts;
using Trace.Chain.Contracts.Deployment;
using Trace.Chain.Contracts.Registries;
using Trace.Crypto;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Contracts;

[Collection(AnvilCollection.Name)]
public sealed class TraceDeployerTests(AnvilFixture anvil) : IAsyncLifetime, IDisposable
{
    private readonly DirectoryInfo _dataDirectory = Directory.CreateTempSubdirectory("trace-deploy-");
    private readonly EthereumKey _operatorKey = EthereumKey.Generate();
    private TransactionSender _sender = null!;

    public async Task InitializeAsync()
    {
        await anvil.Rpc.CallAsync("anvil_setBalance", [_operatorKey.Address.ToString(), "0x3635c9adc5dea00000"]);
        _sender = new TransactionSender(anvil.Eth, _operatorKey, await anvil.Eth.ChainIdAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _operatorKey.Dispose();
        _dataDirectory.Delete(recursive: true);
    }

    [Fact]
    public async Task The_first_call_deploys_and_writes_deployment_json_and_the_second_reuses_the_same_contracts()
    {
        var first = await TraceDeployer.EnsureDeployedAsync(_dataDirectory.FullName, anvil.Eth, _sender, NullLogger.Instance);

        Assert.True(File.Exists(TraceDeploymentStore.PathIn(_dataDirectory.FullName)));
        Assert.Equal(31337UL, first.ChainId);
        Assert.Equal(_operatorKey.Address, first.Operator);
        Assert.Equal(("1.0.0", "1.0.0"), (first.ParticipantRegistryVersion, first.EvidenceRegistryVersion));
        Assert.NotEmpty(await anvil.Eth.GetCodeAsync(first.ParticipantRegistry));
        Assert.NotEmpty(await anvil.Eth.GetCodeAsync(first.EvidenceRegistry));
        var participants = ParticipantRegistryClient.Connect(first.ParticipantRegistry, anvil.Eth);
        Assert.True(await participants.IsAdminAsync(_operatorKey.Address));
        var standing = await participants.StandingAtAsync(_operatorKey.Address, ParticipantRoles.Operator, (await anvil.Eth.GetBlockAsync(Trace.Chain.Rpc.BlockTag.Latest))!.Timestamp);
        Assert.Equal(TraceDeployer.OperatorParticipantId, standing.ParticipantId);
        Assert.True(standing.IsAuthorised);

        var transactionsAfterFirst = await anvil.Eth.GetTransactionCountAsync(_operatorKey.Address);
        var second = await TraceDeployer.EnsureDeployedAsync(_dataDirectory.FullName, anvil.Eth, _sender, NullLogger.Instance);

        Assert.Equal(first.ParticipantRegistry, second.ParticipantRegistry);
        Assert.Equal(first.EvidenceRegistry, second.EvidenceRegistry);
        Assert.Equal(first.DeployedAtBlock, second.DeployedAtBlock);
        Assert.Equal(transactionsAfterFirst, await anvil.Eth.GetTransactionCountAsync(_operatorKey.Address));
    }

    [Fact]
    public async Task A_record_from_another_chain_is_refused()
    {
        var deployed = await TraceDeployer.EnsureDeployedAsync(_dataDirectory.FullName, anvil.Eth, _sender, NullLogger.Instance);
        TraceDeploymentStore.Save(_dataDirectory.FullName, deployed with { ChainId = 1 });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TraceDeployer.EnsureDeployedAsync(_dataDirectory.FullName, anvil.Eth, _sender, NullLogger.Instance));

        Assert.Contains("chain 1", error.Message);
        Assert.Contains("31337", error.Message);
    }

    [Fact]
    public async Task A_record_whose_contracts_have_no_code_is_refused_on_an_external_chain_and_redeployed_on_a_throwaway_one()
    {
        var deployed = await TraceDeployer.EnsureDeployedAsync(_dataDirectory.FullName, anvil.Eth, _sender, NullLogger.Instance);
        var vanished = deployed with
        {
            ParticipantRegistry = EthereumKey.Generate().Address,
            EvidenceRegistry = EthereumKey.Generate().Address,
        };
        TraceDeploymentStore.Save(_dataDirectory.FullName, vanished);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TraceDeployer.EnsureDeployedAsync(_dataDirectory.FullName, anvil.Eth, _sender, NullLogger.Instance, redeployWhenMissing: false));
        Assert.Contains("no code", error.Message);

        var redeployed = await TraceDeployer.EnsureDeployedAsync(_dataDirectory.FullName, anvil.Eth, _sender, NullLogger.Instance, redeployWhenMissing: true);
        Assert.NotEqual(vanished.EvidenceRegistry, redeployed.EvidenceRegistry);
        Assert.NotEmpty(await anvil.Eth.GetCodeAsync(redeployed.EvidenceRegistry));
        Assert.Equal(redeployed.EvidenceRegistry, TraceDeploymentStore.Load(_dataDirectory.FullName)!.EvidenceRegistry);
    }
}
