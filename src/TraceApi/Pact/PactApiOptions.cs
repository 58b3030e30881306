using System.ComponentModel.DataAnnotations;

namespace Trace.Api.Pact;

/// <summary>The PACT host API on the HTTP/1.1 endpoint (section "Pact"; docs/pact.md). Off until a client is configured.</summary>
public sealed class PactApiOptions
{
    public const string Section = "Pact";

    /// <summary>The OAuth2 clients allowed to call the API (client credentials grant). Empty (default): the PACT API is not mapped.</summary>
    public List<PactClient> Clients { get; set; } = [];

    /// <summary>Lifetime of an access token, seconds. Default 3600.</summary>
    [Range(1, 86_400)]
    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>Largest page ListFootprints returns, whatever limit asks. Default 100.</summary>
    [Range(1, 1000)]
    public int MaxPageSize { get; set; } = 100;

    /// <summary>Largest request body POST /2/events and POST /auth/token accept, bytes. Default 1 MiB.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 1024 * 1024;
}

/// <summary>One OAuth2 client of the PACT API. The secret is never configured in clear: only its SHA-256.</summary>
public sealed class PactClient
{
    /// <summary>The client id (OAuth2 client_id).</summary>
    [Required]
    public string ClientId { get; set; } = "";

    /// <summary>SHA-256 of the UTF-8 client secret, 64 hex digits (e.g. <c>printf %s "$SECRET" | sha256sum</c>). Give clients random secrets of at least 32 characters.</summary>
    [Required, RegularExpression("^[0-9a-fA-F]{64}$")]
    public string SecretSha256 { get; set; } = "";

    /// <summary>Scopes granted: footprint:list, footprint:read, events. Default all three.</summary>
    public List<string> Scopes { get; set; } = ["footprint:list", "footprint:read", "events"];

    /// <summary>When not empty, only footprints of batches produced by these addresses are visible to this client. Default empty: every batch.</summary>
    public List<string> Producers { get; set; } = [];
}
