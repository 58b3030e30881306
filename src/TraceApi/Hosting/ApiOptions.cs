namespace Trace.Api.Hosting;

/// <summary>Where the API listens (section "Api").</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>
    /// gRPC endpoint (HTTP/2; cleartext for http://, TLS with <see cref="Tls"/>'s certificate for https://).
    /// Default http://127.0.0.1:50051 (loopback only).
    /// </summary>
    public string GrpcUrl { get; set; } = "http://127.0.0.1:50051";

    /// <summary>HTTP/1.1 endpoint for the provenance page and JSON transcoding; empty disables it. Default http://127.0.0.1:8080.</summary>
    public string? HttpUrl { get; set; } = "http://127.0.0.1:8080";

    /// <summary>The certificate of https:// endpoints (docs/tls.md).</summary>
    public TlsOptions Tls { get; set; } = new();

    /// <summary>
    /// Lets an http:// (cleartext) URL bind a non-loopback address. Off by default: the node refuses to start rather than
    /// carry access tokens and confidential content unencrypted over a network. Turn on only behind a TLS-terminating
    /// proxy or inside a private container network.
    /// </summary>
    public bool AllowPlaintextOnPublicAddress { get; set; }
}
