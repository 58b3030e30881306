using Grpc.Health.V1;
using Grpc.HealthCheck;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Trace.Api.Grpc;
using Trace.Api.Services;

namespace Trace.Api.Hosting;

/// <summary>Wires the gRPC host: endpoints, services, health and reflection.</summary>
public static class TraceApiHostingExtensions
{
    /// <summary>Binds Kestrel to <see cref="ApiOptions"/>: one HTTP/2 endpoint for gRPC and an optional HTTP/1.1 one.</summary>
    public static WebApplicationBuilder AddTraceApiEndpoints(this WebApplicationBuilder builder)
    {
        var api = builder.Configuration.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            Listen(kestrel, api.GrpcUrl, HttpProtocols.Http2);
            if (!string.IsNullOrWhiteSpace(api.HttpUrl)) Listen(kestrel, api.HttpUrl, HttpProtocols.Http1);
        });
        return builder;
    }

    public static IServiceCollection AddTraceApi(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddGrpc(options =>
        {
            options.EnableDetailedErrors = environment.IsDevelopment();
            options.Interceptors.Add<ErrorMappingInterceptor>();
        });
        services.AddSingleton<GrpcErrorMapper>();
        services.AddGrpcReflection();
        services.AddSingleton<HealthServiceImpl>();
        services.AddHostedService<ChainHealthMonitor>();
        return services;
    }

    public static WebApplication MapTraceApi(this WebApplication app)
    {
        app.MapGrpcService<HealthServiceImpl>();
        app.MapGrpcService<NodeGrpcService>();
        app.MapGrpcService<EvidenceGrpcService>();
        app.MapGrpcService<AuditGrpcService>();
        app.MapGrpcReflectionService();
        app.MapGet("/", () => Results.Text("Trace node. gRPC: trace.v1.*; health: grpc.health.v1.Health.\n"));
        return app;
    }

    private static void Listen(KestrelServerOptions kestrel, string url, HttpProtocols protocols)
    {
        var uri = new Uri(url);
        void Configure(ListenOptions listen)
        {
            listen.Protocols = protocols;
            if (uri.Scheme == Uri.UriSchemeHttps) listen.UseHttps();
        }
        if (uri.Host is "localhost") kestrel.ListenLocalhost(uri.Port, Configure);
        else if (uri.Host is "*" or "0.0.0.0" or "+") kestrel.ListenAnyIP(uri.Port, Configure);
        else kestrel.Listen(System.Net.IPAddress.Parse(uri.Host), uri.Port, Configure);
    }
}
