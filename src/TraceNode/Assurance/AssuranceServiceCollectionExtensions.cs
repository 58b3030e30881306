using Microsoft.Extensions.DependencyInjection;
using Trace.Node.Indexing;
using Trace.Node.Lineage.Propagation;

namespace Trace.Node.Assurance;

/// <summary>Registers the registry event follower, the flag / endorsement relay, the audit trail and the lineage's flag source.</summary>
public static class AssuranceServiceCollectionExtensions
{
    /// <summary>Call before AddTraceLineage: the lineage takes the index's flags as its <see cref="IRegulatorFlagSource"/>.</summary>
    public static IServiceCollection AddTraceAssurance(this IServiceCollection services)
    {
        services.AddOptions<IndexingOptions>().BindConfiguration(IndexingOptions.SectionName);
        services.AddSingleton<RegistryLogDecoder>();
        services.AddSingleton<RegistryEventFollower>();
        services.AddHostedService(provider => provider.GetRequiredService<RegistryEventFollower>());
        services.AddSingleton<IRegulatorFlagSource, IndexedRegulatorFlags>();
        services.AddSingleton<AssuranceRelay>();
        services.AddSingleton<AuditTrailReader>();
        return services;
    }
}
