using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Trace.Node.Blobs;
using Trace.Node.Chain;
using Trace.Node.Evm.Rpc;
using Trace.Node.Storage;

namespace Trace.Node.Hosting;

/// <summary>Registers the Trace engine (chain connection, …) with validated options.</summary>
public static class TraceNodeServiceCollectionExtensions
{
    public static IServiceCollection AddTraceNode(this IServiceCollection services)
    {
        services.AddOptions<TraceNodeOptions>().BindConfiguration(TraceNodeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ChainOptions>().BindConfiguration(ChainOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<JsonRpcOptions>().BindConfiguration("Rpc").ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<ChainConnection>();
        services.AddHostedService<ChainConnectionHostedService>();

        services.AddTraceStorage();
        services.AddTraceBlobStore();
        // The index and blobs live under Trace:DataDirectory unless their own settings say otherwise.
        services.AddOptions<TraceStorageOptions>().Configure<IOptions<TraceNodeOptions>, IConfiguration>((storage, node, config) =>
        {
            if (config[$"{TraceStorageOptions.SectionName}:DataDirectory"] is null) storage.DataDirectory = node.Value.DataDirectoryFullPath;
        });
        services.AddOptions<BlobStoreOptions>().Configure<IOptions<TraceNodeOptions>, IConfiguration>((blobs, node, config) =>
        {
            if (config[$"{BlobStoreOptions.SectionName}:RootDirectory"] is null) blobs.RootDirectory = Path.Combine(node.Value.DataDirectoryFullPath, "blobs");
        });
        return services;
    }
}
