using Microsoft.Extensions.Hosting;

namespace Trace.Node.Chain;

/// <summary>Finds or deploys Trace's contracts once the chain connection is up.</summary>
public sealed class TraceContractsHostedService(TraceContracts contracts) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => contracts.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
