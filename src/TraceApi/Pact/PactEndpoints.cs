using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Trace.Api.Pact;

/// <summary>
/// The PACT Tech Specs v2 host API (docs/pact.md, ../shared/standards/pact/v2-openapi.yaml): POST /auth/token,
/// GET /2/footprints, GET /2/footprints/{id}, POST /2/events. Mapped only when clients are configured.
/// </summary>
public static class PactEndpoints
{
    /// <summary>Maps the PACT API when <see cref="PactApiOptions.Clients"/> is not empty.</summary>
    public static WebApplication MapPactApi(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<PactApiOptions>>().Value;
        if (options.Clients.Count == 0) return app;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Trace.Api.Pact");
        Log.Mapped(logger, options.Clients.Count);
        // An unexpected fault answers PACT's InternalError body, its details only in the log under an incident id.
        var pact = app.MapGroup("").AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var incident = Guid.NewGuid().ToString("N")[..12];
                Log.Unexpected(logger, ex, context.HttpContext.Request.Path, incident);
                return PactErrors.InternalError(incident);
            }
        });
        pact.MapPost("/auth/token", Token);
        pact.MapGet("/2/footprints", List);
        pact.MapGet("/2/footprints/{id}", Get);
        pact.MapPost("/2/events", PactEvents.Post);
        return app;
    }

    private static async Task<IResult> Token(HttpRequest request, PactTokens tokens, IOptions<PactApiOptions> options, ILoggerFactory loggers)
    {
        // RFC 6749 §4.4: client credentials by HTTP Basic (preferred) or in the form body.
        string? clientId = null, secret = null;
        var basic = false;
        if (request.Headers.Authorization.ToString() is { Length: > 6 } header && header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            basic = true;
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0) (clientId, secret) = (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
            }
            catch (FormatException) { }
            if (clientId is null) return PactErrors.OAuth(StatusCodes.Status400BadRequest, "invalid_request", "the Authorization header is not Basic base64(client_id:client_secret)");
        }
        if (!request.HasFormContentType) return PactErrors.OAuth(StatusCodes.Status400BadRequest, "invalid_request", "the body must be application/x-www-form-urlencoded with grant_type=client_credentials");
        if (request.ContentLength > options.Value.MaxBodyBytes) return PactErrors.OAuth(StatusCodes.Status400BadRequest, "invalid_request", "the body is too large");
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        if (form["grant_type"].ToString() != "client_credentials")
            return PactErrors.OAuth(StatusCodes.Status400BadRequest, "unsupported_grant_type", "only grant_type=client_credentials is supported");
        if (!basic) (clientId, secret) = (form["client_id"].ToString(), form["client_secret"].ToString());
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(secret))
            return PactErrors.OAuth(StatusCodes.Status400BadRequest, "invalid_request", "client credentials are required (HTTP Basic or client_id and client_secret)");
        var client = tokens.Authenticate(clientId, secret);
        if (client is null)
        {
            Log.TokenRefused(loggers.CreateLogger("Trace.Api.Pact"), clientId.Length > 200 ? clientId[..200] : clientId);
            request.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"pact\"";
            return PactErrors.OAuth(basic ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest, "invalid_client", "client authentication failed");
        }
        var (token, expiresIn) = tokens.Issue(client);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return Results.Json(new Dictionary<string, object>
        {
            ["access_token"] = token, ["token_type"] = "bearer", ["expires_in"] = expiresIn, ["scope"] = string.Join(' ', client.GrantedScopes),
        });
    }

    /// <summary>The client a request's bearer token belongs to, or the error to answer.</summary>
    internal static (PactClient? Client, IResult? Error) Authorize(HttpRequest request, PactTokens tokens, string scope)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7) return (null, PactErrors.AccessDenied("A bearer access token is required"));
        var (client, expired) = tokens.Check(header[7..].Trim());
        if (expired) return (null, PactErrors.TokenExpired());
        if (client is null) return (null, PactErrors.AccessDenied("The access token is invalid"));
        if (!client.GrantedScopes.Contains(scope, StringComparer.Ordinal)) return (null, PactErrors.AccessDenied($"The access token lacks the scope {scope}"));
        return (client, null);
    }

    private static async Task<IResult> List(HttpRequest request, PactTokens tokens, PactCatalog catalog, IOptions<PactApiOptions> options)
    {
        var (client, error) = Authorize(request, tokens, "footprint:list");
        if (error is not null) return error;
        var query = request.Query;
        var limit = options.Value.MaxPageSize;
        if (query.TryGetValue("limit", out var limitText))
        {
            if (!int.TryParse(limitText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var asked))
                return PactErrors.BadRequest($"limit: \"{limitText}\" is not a non-negative integer");
            if (asked > 0) limit = Math.Min(asked, options.Value.MaxPageSize);
        }
        Guid? after = null;
        if (query.TryGetValue("after", out var afterText))
        {
            if (!Guid.TryParseExact(afterText, "D", out var cursor)) return PactErrors.BadRequest("after: not a cursor this host issued");
            after = cursor;
        }
        PactFilter filter;
        try { filter = PactFilter.Parse(query["$filter"]); }
        catch (FormatException ex) { return PactErrors.BadRequest("$filter: " + ex.Message); }
        var (page, next) = await catalog.ListAsync(client!, filter, after, limit, request.HttpContext.RequestAborted);
        if (next is { } n)
        {
            var link = $"{request.Scheme}://{request.Host}{request.PathBase}/2/footprints?limit={limit}&after={n:D}";
            if (query.TryGetValue("$filter", out var f) && !string.IsNullOrEmpty(f)) link += "&$filter=" + Uri.EscapeDataString(f!);
            request.HttpContext.Response.Headers.Link = $"<{link}>; rel=\"next\"";
        }
        return Json(new JsonObject { ["data"] = new JsonArray([.. page]) });
    }

    private static async Task<IResult> Get(string id, HttpRequest request, PactTokens tokens, PactCatalog catalog)
    {
        var (client, error) = Authorize(request, tokens, "footprint:read");
        if (error is not null) return error;
        if (!Guid.TryParseExact(id, "D", out var footprintId)) return PactErrors.BadRequest($"id: \"{id}\" is not a UUID");
        var pf = await catalog.GetAsync(client!, footprintId, request.HttpContext.RequestAborted);
        return pf is null ? PactErrors.NoSuchFootprint(id) : Json(new JsonObject { ["data"] = pf });
    }

    internal static IResult Json(JsonNode body) => Results.Text(body.ToJsonString(), "application/json", Encoding.UTF8);

    internal static async Task<JsonNode?> ReadJsonAsync(HttpRequest request, int maxBytes)
    {
        if (request.ContentLength > maxBytes) throw new JsonException($"the body is larger than {maxBytes} bytes");
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes) throw new JsonException($"the body is larger than {maxBytes} bytes");
        }
        return JsonNode.Parse(buffer.ToArray());
    }
}
