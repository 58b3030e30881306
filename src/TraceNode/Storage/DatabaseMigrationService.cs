using Microsoft.Extensions.Hosting;

namespace Trace.Node.Storage;

/// <summary>Applies index migrations when the host starts, before later-registered services (API, pipeline) start.</summary>
public sealed class DatabaseMigrationService(DatabaseMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
