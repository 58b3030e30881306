using Microsoft.Extensions.DependencyInjection;
using Trace.Node.Decisions.Cbam;
using Trace.Node.Decisions.Lanes;
using Trace.Node.Decisions.Plans;
using Trace.Node.Decisions.Routing;

namespace Trace.Node.Decisions.Hosting;

/// <summary>Registers the lane catalogue, route decisions and CBAM cost scenarios (docs/decisions.md).</summary>
public static class DecisionServiceCollectionExtensions
{
    /// <summary>Call after the storage, factor and CBAM registrations: its hosted service writes to the migrated index.</summary>
    public static IServiceCollection AddTraceDecisions(this IServiceCollection services)
    {
        services.AddOptions<DecisionOptions>().BindConfiguration(DecisionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LaneCatalog>();
        services.AddSingleton<CbamDefaultValueTable>();
        services.AddSingleton<RouteDecider>();
        services.AddSingleton<RoutePlanStore>();
        services.AddSingleton<IRoutePlanSource>(sp => sp.GetRequiredService<RoutePlanStore>());
        services.AddSingleton<CbamCostEstimator>();
        services.AddHostedService<DecisionFilesStartup>();
        return services;
    }
}
