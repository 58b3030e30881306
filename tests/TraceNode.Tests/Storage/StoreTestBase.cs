using Microsoft.Extensions.Options;
using Trace.Node.Storage;

namespace Trace.Node.Tests.Storage;

/// <summary>Per test: a fresh, migrated database on the provider of the derived class, and a store on a manual clock.</summary>
public abstract class StoreTestBase : IAsyncLifetime
{
    protected ManualClock Clock { get; } = new(new DateTimeOffset(2025, 11, 22, 10, 0, 0, TimeSpan.Zero));

    protected TraceDbContextFactory Contexts { get; private set; } = null!;

    protected TraceStore Store { get; private set; } = null!;

    protected DatabaseMigrator Migrator { get; private set; } = null!;

    protected abstract Task<TraceStorageOptions> CreateOptionsAsync();

    public async Task InitializeAsync()
    {
        Contexts = new TraceDbContextFactory(Options.Create(await CreateOptionsAsync()));
        Migrator = new DatabaseMigrator(Contexts);
        try
        {
            await Migrator.MigrateAsync(CancellationToken.None);
        }
        catch
        {
            await DisposeAsync(); // xunit skips DisposeAsync when InitializeAsync throws
            throw;
        }
        Store = new TraceStore(Contexts, Clock);
    }

    /// <summary>Stops the factory's background checkpoints, so nothing reopens the database while it is deleted.</summary>
    public virtual Task DisposeAsync()
    {
        Contexts?.Dispose();
        return Task.CompletedTask;
    }
}
