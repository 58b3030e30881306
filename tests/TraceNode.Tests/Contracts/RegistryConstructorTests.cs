using Trace.Chain.Accounts;
using Trace.Chain.Contracts;
using Trace.Chain.Contracts.Dtos.Evidence;
using Trace.Chain.Contracts.Dtos.Participants;
using Trace.Chain.Contracts.Registries;
using Trace.Crypto;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Contracts;

/// <summary>The registries refuse a zero address where they need a real one.</summary>
[Collection(AnvilCollection.Name)]
public sealed class RegistryConstructorTests(AnvilFixture anvil) : IAsyncLifetime, IDisposable
{
    private readonly EthereumKey _key = EthereumKey.Generate();
    private TransactionSender _sender = null!;

    public async Task InitializeAsync()
    {
        await anvil.Rpc.CallAsync("anvil_setBalance", [_key.Address.ToString(), "0x3635c9adc5dea00000"]);
        _sender = new TransactionSender(anvil.Eth, _key, await anvil.Eth.ChainIdAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _key.Dispose();

    [Fact]
    public async Task ParticipantRegistry_with_a_zero_admin_fails_with_InvalidAdmin()
    {
        var error = await Assert.ThrowsAsync<ContractCallException>(() =>
            ContractDeployer.DeployAsync(RegistryDefinitions.ParticipantRegistry,
                new ParticipantRegistryDeployment(Hex.Encode(RegistryDefinitions.ParticipantRegistry.Bytecode)) { Admin = EthereumAddress.Zero.ToString() }, anvil.Eth, _sender));
        Assert.Equal(("constructor", "InvalidAdmin"), (error.Function, error.ErrorName));
        Assert.IsType<InvalidAdminError>(error.Error);
    }

    [Fact]
    public async Task EvidenceRegistry_with_a_zero_participant_registry_fails_with_InvalidParticipantRegistry()
    {
        var error = await Assert.ThrowsAsync<ContractCallException>(() =>
            ContractDeployer.DeployAsync(RegistryDefinitions.EvidenceRegistry,
                new EvidenceRegistryDeployment(Hex.Encode(RegistryDefinitions.EvidenceRegistry.Bytecode)) { ParticipantRegistry = EthereumAddress.Zero.ToString() }, anvil.Eth, _sender));
        Assert.Equal("InvalidParticipantRegistry", error.ErrorName);
    }
}
