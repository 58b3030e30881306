using System.Text.Json;
using Microsoft.Extensions.Options;
using Trace.Domain;
using Trace.Node.Verification;
using Trace.Client.Verification;

namespace Trace.Api.Provenance;

/// <summary>
/// The provenance page on the HTTP endpoint (docs/provenance-page.md): GS1 Digital Link paths /01/{gtin}/10/{lot} with
/// linkType for the other forms, per-record pages /records/{id}, and the pages' static files under /static/.
/// </summary>
public static class ProvenanceEndpoints
{
    /// <summary>linkType values served; anything else is 404 naming these.</summary>
    public static readonly string[] LinkTypes = ["gs1:pip", "gs1:defaultLink", "trace:provenance", "trace:qrcode", "linkset"];

    // The pages load only what Trace serves; the verification script may call any chain endpoint the visitor picks.
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; script-src 'self'; connect-src *; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static WebApplication MapProvenancePages(this WebApplication app)
    {
        app.MapGet("/01/{gtin}/10/{lot}", ProductLotAsync);
        app.MapGet("/records/{recordId}", RecordAsync);
        app.MapGet("/static/{file}", StaticFiles.Serve);
        return app;
    }

    private static async Task<IResult> ProductLotAsync(string gtin, string lot, string? linkType, HttpContext http, ProvenanceReader reader,
        IOptions<ProvenanceOptions> options, CancellationToken ct)
    {
        var type = string.IsNullOrEmpty(linkType) ? "gs1:pip" : linkType;
        if (!LinkTypes.Contains(type, StringComparer.Ordinal))
            return Problem(StatusCodes.Status404NotFound, $"linkType: '{type}' is not served here; available: {string.Join(", ", LinkTypes)}");
        var wantsJson = type is "trace:provenance" or "linkset";
        if (!ProductLotPath.TryParse(gtin, lot, out var path, out var error))
            return wantsJson ? Problem(StatusCodes.Status400BadRequest, error) : HtmlMessage(StatusCodes.Status400BadRequest, "Not a valid product and lot", error);
        var pageUrl = BaseUrl(http, options.Value) + path.CanonicalPath;
        if (type == "trace:qrcode") return Results.File(QrCodes.Png(pageUrl), "image/png");
        if (type == "linkset")
            return Results.Text(ProvenanceJson.LinkSet("https://id.gs1.org" + path.CanonicalPath, path.CanonicalPath).ToJsonString(), "application/linkset+json");

        var batches = await reader.FindBatchesAsync(path, ct);
        if (batches.Count == 0)
        {
            var message = $"no batch record declares GTIN {path.Gtin.Value} lot {path.Lot} on this node";
            return wantsJson ? Problem(StatusCodes.Status404NotFound, message) : HtmlMessage(StatusCodes.Status404NotFound, "No such lot", message);
        }
        // Two identifiers of one lot (another resolver host, an lgtin URN) would be two batches: show the first, say so in JSON.
        var view = await reader.ReadAsync(path, batches[0], pageUrl, ct);
        if (view is null) return HtmlMessage(StatusCodes.Status404NotFound, "No such lot", $"batch {batches[0]} is no longer declared");
        if (wantsJson)
        {
            var document = ProvenanceJson.Document(view);
            if (batches.Count > 1) document["otherBatchIds"] = new System.Text.Json.Nodes.JsonArray([.. batches.Skip(1).Select(b => (System.Text.Json.Nodes.JsonNode?)b)]);
            return Results.Text(document.ToJsonString(), "application/json");
        }
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        http.Response.Headers.Link = $"<{path.CanonicalPath}?linkType=linkset>; rel=\"linkset\"; type=\"application/linkset+json\"";
        return Results.Content(ProvenancePage.Render(view), "text/html; charset=utf-8");
    }

    private static async Task<IResult> RecordAsync(string recordId, HttpContext http, ProvenanceReader reader, RecordVerifier verifier, CancellationToken ct)
    {
        string id;
        try
        {
            id = RecordIds.Normalise(recordId, "record_id");
        }
        catch (InvalidFieldException e)
        {
            return HtmlMessage(StatusCodes.Status400BadRequest, "Not a record id", e.Message);
        }
        var record = await reader.RecordAsync(id, ct);
        if (record is null) return HtmlMessage(StatusCodes.Status404NotFound, "No such record", $"record_id: no record {id} on this node");
        string? bundle = null;
        if (record.Anchor is not null)
        {
            try
            {
                bundle = ProofBundleJson.Write(await verifier.BuildBundleAsync(id, ct));
            }
            catch (RecordStateException)
            {
                // Anchored but its batch is being replaced (a dropped transaction): no bundle yet, as for PENDING.
            }
        }
        var issuer = await reader.OrganisationAsync(record.SignedClaim.Claim.Issuer, ct);
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return Results.Content(RecordPage.Render(record, issuer, bundle, reader.Chain()), "text/html; charset=utf-8");
    }

    private static string BaseUrl(HttpContext http, ProvenanceOptions options) =>
        options.PublicBaseUrl.Length > 0 ? options.PublicBaseUrl.TrimEnd('/') : $"{http.Request.Scheme}://{http.Request.Host}";

    private static IResult Problem(int status, string message) =>
        Results.Text(JsonSerializer.Serialize(new { status, message }), "application/json", statusCode: status);

    private static IResult HtmlMessage(int status, string title, string message) => Results.Content(
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>{Html.E(title)}</title><style>{PageStyle.Css}</style></head>" +
        $"<body><main><h1>{Html.E(title)}</h1><p id=\"message\">{Html.E(message)}</p></main></body></html>", "text/html; charset=utf-8", statusCode: status);
}
