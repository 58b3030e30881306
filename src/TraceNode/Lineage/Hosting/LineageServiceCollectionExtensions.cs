using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Trace.Node.Lineage.Intake;
using Trace.Node.Lineage.Projection;
using Trace.Node.Lineage.Propagation;
using Trace.Node.Lineage.Queries;

namespace Trace.Node.Lineage.Hosting;

/// <summary>Registers the lineage: intake (single writer), queries, and the status projector.</summary>
public static class LineageServiceCollectionExtensions
{
    /// <summary>Adds the lineage services; needs the index (<c>AddTraceStorage</c>) and, for default-factor legs, an <c>ITransportFactorProvider</c>.</summary>
    public static IServiceCollection AddTraceLineage(this IServiceCollection services)
    {
        services.AddOptions<LineageOptions>().BindConfiguration(LineageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IRegulatorFlagSource, NoRegulatorFlags>();
        services.TryAddSingleton<LineageCommitQueue>();
        services.TryAddSingleton<ILineageIntake, LineageIntake>();
        services.TryAddSingleton<LineageQueries>();
        services.TryAddSingleton<LineageStatusProjector>();
        services.AddHostedService(provider => provider.GetRequiredService<LineageStatusProjector>());
        return services;
    }
}
