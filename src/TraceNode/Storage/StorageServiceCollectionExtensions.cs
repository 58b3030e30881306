using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Trace.Node.Storage;

/// <summary>Registers the index: options, the context factory, <see cref="TraceStore"/>, <see cref="DatabaseMigrator"/> and the start-up migration.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Adds the index services, bound from <see cref="TraceStorageOptions.SectionName"/>.</summary>
    public static IServiceCollection AddTraceStorage(this IServiceCollection services)
    {
        services.AddOptions<TraceStorageOptions>()
            .BindConfiguration(TraceStorageOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.Provider != StorageProvider.Postgres || !string.IsNullOrWhiteSpace(o.ConnectionString),
                $"{TraceStorageOptions.SectionName}:ConnectionString is required when Provider is Postgres")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TraceDbContextFactory>();
        services.TryAddSingleton<IDbContextFactory<TraceDbContext>>(sp => sp.GetRequiredService<TraceDbContextFactory>());
        services.TryAddSingleton<StatusFeedSignal>();
        services.TryAddSingleton<TraceStore>();
        services.TryAddSingleton<ClaimCommitQueue>();
        services.TryAddSingleton<DatabaseMigrator>();
        // Registered here so it starts before anything registered after AddTraceStorage that needs the schema.
        services.AddHostedService<DatabaseMigrationService>();
        return services;
    }
}
