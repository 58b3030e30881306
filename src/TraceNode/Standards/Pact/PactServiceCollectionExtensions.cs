using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Trace.Node.Standards.Pact;

/// <summary>Registers the PACT export (needs the lineage, the index, the blob store and the chain connection).</summary>
public static class PactServiceCollectionExtensions
{
    /// <summary>Adds <see cref="PactFootprints"/>.</summary>
    public static IServiceCollection AddTracePact(this IServiceCollection services)
    {
        services.TryAddSingleton<PactFootprints>();
        return services;
    }
}
