using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Contracts.Support;

/// <summary>Deploys a fresh <see cref="RegistryWorld"/> before each test (xunit builds one class instance per test).</summary>
public abstract class RegistryTestBase(AnvilFixture anvil) : IAsyncLifetime
{
    private RegistryWorld? _world;

    internal RegistryWorld World => _world ?? throw new InvalidOperationException("the world is deployed in InitializeAsync");

    protected AnvilFixture Anvil => anvil;

    public async Task InitializeAsync() => _world = await RegistryWorld.DeployAsync(anvil);

    public Task DisposeAsync() => Task.CompletedTask;
}
