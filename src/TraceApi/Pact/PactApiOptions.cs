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

    /// <summary>What is wrong with the clients (data annotations do not reach list items), or null. Never shows a secret hash.</summary>
    public string? ClientProblem()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Clients.Count; i++)
        {
            var c = Clients[i];
            var at = $"Pact:Clients:{i}";
            if (string.IsNullOrWhiteSpace(c.ClientId)) return $"{at}:ClientId is required";
            if (!seen.Add(c.ClientId)) return $"{at}:ClientId \"{c.ClientId}\" is configured twice";
            if (c.SecretSha256.Length != 64 || !c.SecretSha256.All(Uri.IsHexDigit)) return $"{at}:SecretSha256 must be the SHA-256 of the secret, 64 hex digits (the secret itself is never configured)";
            if (c.TokenLifetimeSeconds is < 1 or > 86_400) return $"{at}:TokenLifetimeSeconds must be between 1 and 86400";
            foreach (var scope in c.Scopes)
                if (scope is not ("footprint:list" or "footprint:read" or "events")) return $"{at}:Scopes: unknown scope \"{scope}\" (footprint:list, footprint:read, events)";
        }
        return null;
    }
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

    /// <summary>Scopes granted, of footprint:list, footprint:read and events. Default empty: all three (a configured list replaces them; binding cannot remove defaults).</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>The scopes this client holds.</summary>
    public IReadOnlyList<string> GrantedScopes => Scopes.Count == 0 ? ["footprint:list", "footprint:read", "events"] : Scopes;

    /// <summary>This client's token lifetime in seconds (1 to 86 400), when it differs from <see cref="PactApiOptions.TokenLifetimeSeconds"/>. Default null.</summary>
    [Range(1, 86_400)]
    public int? TokenLifetimeSeconds { get; set; }

    /// <summary>When not empty, only footprints of batches produced by these addresses are visible to this client. Default empty: every batch.</summary>
    public List<string> Producers { get; set; } = [];
}
