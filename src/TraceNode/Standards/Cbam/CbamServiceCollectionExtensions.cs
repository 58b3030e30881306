using Microsoft.Extensions.DependencyInjection;

namespace Trace.Node.Standards.Cbam;

/// <summary>Registers the CBAM report export.</summary>
public static class CbamServiceCollectionExtensions
{
    public static IServiceCollection AddTraceCbam(this IServiceCollection services)
    {
        services.AddSingleton<CbamExporter>();
        return services;
    }
}
