namespace Trace.Api.Hosting;

/// <summary>Where the API listens (section "Api").</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>gRPC endpoint (HTTP/2 cleartext unless https). Default http://127.0.0.1:50051 (loopback only).</summary>
    public string GrpcUrl { get; set; } = "http://127.0.0.1:50051";

    /// <summary>HTTP/1.1 endpoint for the provenance page and JSON transcoding; empty disables it. Default http://127.0.0.1:8080.</summary>
    public string? HttpUrl { get; set; } = "http://127.0.0.1:8080";
}
