using Microsoft.Extensions.Hosting;

namespace Trace.Node.Chain;

/// <summary>Opens the chain connection at host start and closes it (stopping a managed Anvil) at host stop.</summary>
public sealed class ChainConnectionHostedService(ChainConnection connection) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => connection.StartAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken) => await connection.DisposeAsync().ConfigureAwait(false);
}
