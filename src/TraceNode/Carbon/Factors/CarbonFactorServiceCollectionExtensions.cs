using Microsoft.Extensions.DependencyInjection;

namespace Trace.Node.Carbon.Factors;

/// <summary>Registers the transport factor provider (<see cref="ITransportFactorProvider"/>) and the start-up that anchors the active set.</summary>
public static class CarbonFactorServiceCollectionExtensions
{
    /// <summary>Call after the storage, contracts and intake registrations: its hosted service starts after theirs.</summary>
    public static IServiceCollection AddTransportFactors(this IServiceCollection services)
    {
        services.AddOptions<CarbonFactorOptions>().BindConfiguration(CarbonFactorOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TransportFactorProvider>();
        services.AddSingleton<ITransportFactorProvider>(provider => provider.GetRequiredService<TransportFactorProvider>());
        services.AddSingleton<TransportFactorQueries>();
        services.AddSingleton<TransportFactorSetStartup>();
        services.AddHostedService(provider => provider.GetRequiredService<TransportFactorSetStartup>());
        return services;
    }
}
