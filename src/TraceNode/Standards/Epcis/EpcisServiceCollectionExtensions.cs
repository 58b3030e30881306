using Microsoft.Extensions.DependencyInjection;

namespace Trace.Node.Standards.Epcis;

/// <summary>Registers the EPCIS import (schema from <c>Trace:Epcis:SchemaPath</c>).</summary>
public static class EpcisServiceCollectionExtensions
{
    public static IServiceCollection AddTraceEpcis(this IServiceCollection services)
    {
        services.AddOptions<EpcisOptions>().BindConfiguration(EpcisOptions.SectionName);
        services.AddSingleton<EpcisSchema>();
        services.AddSingleton<EpcisImporter>();
        return services;
    }
}
