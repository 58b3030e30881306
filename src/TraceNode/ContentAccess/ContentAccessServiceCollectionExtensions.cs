using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Trace.Node.ContentAccess;

/// <summary>Registers the content access policy, the grant store and the registry's key → participant lookup.</summary>
public static class ContentAccessServiceCollectionExtensions
{
    /// <summary>Adds content access (call after the index storage).</summary>
    public static IServiceCollection AddTraceContentAccess(this IServiceCollection services)
    {
        services.TryAddSingleton<IParticipantKeys, RegistryParticipantKeys>();
        services.AddSingleton<ContentGrantStore>();
        services.AddSingleton<ContentAccessPolicy>();
        services.AddSingleton<ContentGrants>();
        return services;
    }
}
