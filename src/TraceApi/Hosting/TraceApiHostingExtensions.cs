using Grpc.HealthCheck;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Trace.Api.Access;
using Trace.Api.Grpc;
using Trace.Api.Pact;
using Trace.Api.Provenance;
using Trace.Api.Services;
using Trace.Node.Blobs;

namespace Trace.Api.Hosting;

/// <summary>Wires the gRPC host: endpoints, services, health and reflection.</summary>
public static class TraceApiHostingExtensions
{
    /// <summary>Binds Kestrel to <see cref="ApiOptions"/>: one HTTP/2 endpoint for gRPC and an optional HTTP/1.1 one.</summary>
    public static WebApplicationBuilder AddTraceApiEndpoints(this WebApplicationBuilder builder)
    {
        var api = builder.Configuration.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions();
        var limits = builder.Configuration.GetSection(CallLimitsOptions.Section).Get<CallLimitsOptions>() ?? new CallLimitsOptions();
        // grpc-dotnet logs a fault outside a service method (a message it cannot decode) with its stack trace, at
        // error level, once per request; FrameworkStatusMiddleware logs those as one rate-limited line instead.
        builder.Logging.AddFilter("Grpc.AspNetCore.Server.ServerCallHandler", LogLevel.Critical);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Each connection holds a descriptor: half of the spare ones, the other half for spooled uploads and files.
            // Where the descriptors cannot be read (not Linux) Kestrel keeps its default: no bound.
            var connections = limits.MaxConnections > 0 ? limits.MaxConnections : DescriptorLimit.Spare() is { } spare ? Math.Max(1, spare / 2) : (long?)null;
            if (connections is > 0) kestrel.Limits.MaxConcurrentConnections = connections;
            var endpoints = new ApiEndpoints(api);
            endpoints.Listen(kestrel, api.GrpcUrl, "Api:GrpcUrl", HttpProtocols.Http2);
            if (!string.IsNullOrWhiteSpace(api.HttpUrl)) endpoints.Listen(kestrel, api.HttpUrl, "Api:HttpUrl", HttpProtocols.Http1);
        });
        return builder;
    }

    public static IServiceCollection AddTraceApi(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddGrpc(options =>
        {
            // Detailed errors name the exception of a framework fault, which FrameworkStatusMiddleware reads to pick the
            // status and then replaces; faults inside service methods never reach grpc-dotnet unmapped.
            options.EnableDetailedErrors = true;
            options.Interceptors.Add<ErrorMappingInterceptor>();
            // Who is calling, then may they: before any service code runs (docs/access.md).
            options.Interceptors.Add<AuthenticationInterceptor>();
            options.Interceptors.Add<AuthorizationInterceptor>();
            options.Interceptors.Add<UploadIdleTimeoutInterceptor>();
        }).AddJsonTranscoding(); // the public reads as JSON on the HTTP endpoint (google.api.http in the protos), same interceptors
        // Their OpenAPI document, at /openapi/v1.json (docs/provenance-page.md).
        services.AddGrpcSwagger();
        services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc("v1", new Microsoft.OpenApi.Models.OpenApiInfo
            {
                Title = "Trace public reads (JSON)",
                Version = "v1",
                Description = "The anonymous-readable RPCs of Trace as JSON over HTTP (gRPC JSON transcoding; the proto3 JSON mapping). " +
                    "Statuses map to HTTP codes as in google.rpc.Code (INVALID_ARGUMENT 400, NOT_FOUND 404, FAILED_PRECONDITION 400, UNAVAILABLE 503). See docs/provenance-page.md.",
            });
            var comments = Path.Combine(AppContext.BaseDirectory, "Trace.Client.xml");
            if (File.Exists(comments)) swagger.IncludeGrpcXmlComments(comments, includeControllerXmlComments: true);
        });
        services.AddOptions<ProvenanceOptions>().BindConfiguration(ProvenanceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ProvenanceReader>();
        services.AddOptions<CallLimitsOptions>().BindConfiguration(CallLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<GrpcErrorMapper>();
        services.AddSingleton<AccessRules>();
        services.AddSingleton<MalformedRequestLog>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddGrpcReflection();
        services.AddSingleton<HealthServiceImpl>();
        services.AddHostedService<ChainHealthMonitor>();
        services.AddOptions<PactApiOptions>().BindConfiguration(PactApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<PactApiOptions>, PactApiOptionsValidation>();
        services.AddSingleton<PactTokens>();
        services.AddSingleton<PactCatalog>();
        services.AddSingleton<PactEventLog>();
        return services;
    }

    public static WebApplication MapTraceApi(this WebApplication app)
    {
        // Open the blob store now rather than at the first upload: it sweeps the temp files a crash left behind.
        app.Services.GetRequiredService<IBlobStore>();
        app.UseMiddleware<FrameworkStatusMiddleware>();
        app.UseMiddleware<CallLimitsMiddleware>();
        app.MapGrpcService<HealthServiceImpl>();
        app.MapGrpcService<NodeGrpcService>();
        app.MapGrpcService<EvidenceGrpcService>();
        app.MapGrpcService<AuditGrpcService>();
        app.MapGrpcService<IndexAdminGrpcService>();
        app.MapGrpcService<AssuranceGrpcService>();
        app.MapGrpcService<LineageGrpcService>();
        app.MapGrpcService<EmissionFactorGrpcService>();
        app.MapGrpcService<ParticipantGrpcService>();
        app.MapGrpcService<SignInGrpcService>();
        app.MapGrpcService<ContentAccessGrpcService>();
        app.MapGrpcService<EpcisGrpcService>();
        app.MapGrpcService<CbamGrpcService>();
        app.MapGrpcService<PactGrpcService>();
        app.MapGrpcService<LaneCatalogGrpcService>();
        app.MapGrpcService<RouteDecisionGrpcService>();
        app.MapGrpcService<CbamCostGrpcService>();
        app.MapGrpcReflectionService();
        app.MapPactApi();
        app.UseSwagger(swagger => swagger.RouteTemplate = "openapi/{documentName}.json");
        app.MapProvenancePages();
        app.MapGet("/", () => Results.Text(
            "Trace node. gRPC: trace.v1.*; health: grpc.health.v1.Health. Provenance pages: /01/{gtin}/10/{lot}; JSON reads: /v1/...; OpenAPI: /openapi/v1.json\n"));
        return app;
    }
}
