using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Trace.Api.Pact;

/// <summary>
/// POST /2/events (PACT Tech Specs v2, asynchronous events, CloudEvents structured mode). Accepted events are stored
/// (<see cref="PactEventLog"/>) before the 200 answer. A footprint request (ProductFootprintRequest.Created.v1) is matched
/// at once against the footprints the client may see (every member of the request's <c>pf</c> fragment must match; a
/// list matches when it shares an element) and the Fulfilled.v1 or Rejected.v1 answer is stored with it. Published.v1
/// (update notifications) and Fulfilled.v1 / Rejected.v1 answers to requests are stored as received.
/// </summary>
public static class PactEvents
{
    public const string Published = "org.wbcsd.pathfinder.ProductFootprint.Published.v1";
    public const string RequestCreated = "org.wbcsd.pathfinder.ProductFootprintRequest.Created.v1";
    public const string RequestFulfilled = "org.wbcsd.pathfinder.ProductFootprintRequest.Fulfilled.v1";
    public const string RequestRejected = "org.wbcsd.pathfinder.ProductFootprintRequest.Rejected.v1";

    internal static async Task<IResult> Post(HttpRequest request, PactTokens tokens, PactCatalog catalog, PactEventLog log,
        IOptions<PactApiOptions> options, ILoggerFactory loggers, TimeProvider clock)
    {
        var (client, error) = PactEndpoints.Authorize(request, tokens, "events");
        if (error is not null) return error;
        JsonNode? body;
        try { body = await PactEndpoints.ReadJsonAsync(request, options.Value.MaxBodyBytes); }
        catch (JsonException ex) { return PactErrors.BadRequest("the body is not a JSON event: " + ex.Message); }
        if (body is not JsonObject e) return PactErrors.BadRequest("the body must be a CloudEvents JSON object");
        foreach (var member in (string[])["specversion", "id", "source", "time", "type"])
            if (e[member] is not JsonValue v || v.GetValueKind() != JsonValueKind.String || string.IsNullOrEmpty(v.GetValue<string>()))
                return PactErrors.BadRequest($"{member}: is required (a non-empty string)");
        if (!DateTimeOffset.TryParse(e["time"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
            return PactErrors.BadRequest("time: is not an RFC 3339 date-time");
        var type = e["type"]!.GetValue<string>();
        var data = e["data"] as JsonObject;
        JsonObject? answer = null;
        switch (type)
        {
            case Published:
                if (data?["pfIds"] is not JsonArray ids || ids.Any(id => id?.GetValueKind() != JsonValueKind.String || !Guid.TryParse(id.GetValue<string>(), out _)))
                    return PactErrors.BadRequest("data.pfIds: is required (a list of footprint UUIDs)");
                break;
            case RequestCreated:
                if (data?["pf"] is not JsonObject fragment) return PactErrors.BadRequest("data.pf: is required (a ProductFootprint fragment)");
                var matches = (await catalog.AllAsync(client!, request.HttpContext.RequestAborted)).Where(pf => Matches(pf, fragment)).ToList();
                answer = Answer(e, matches, request, clock);
                break;
            case RequestFulfilled:
                if (data?["requestEventId"] is not JsonValue || data["pfs"] is not JsonArray) return PactErrors.BadRequest("data: requestEventId and pfs are required");
                break;
            case RequestRejected:
                if (data?["requestEventId"] is not JsonValue || data["error"] is not JsonObject) return PactErrors.BadRequest("data: requestEventId and error are required");
                break;
            default:
                return PactErrors.NotImplemented($"type: the event type \"{type}\" is not supported");
        }
        var entry = new JsonObject
        {
            ["receivedAt"] = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["clientId"] = client!.ClientId,
            ["event"] = e.DeepClone(),
        };
        if (answer is not null) entry["answer"] = answer;
        await log.AppendAsync(entry, request.HttpContext.RequestAborted);
        Log.EventStored(loggers.CreateLogger("Trace.Api.Pact"), type, e["id"]!.GetValue<string>(), client.ClientId);
        return Results.Ok();
    }

    /// <summary>True when every member of <paramref name="wanted"/> (a request fragment) matches the footprint (lists: a shared element; objects: recursively).</summary>
    internal static bool Matches(JsonNode? actual, JsonNode? wanted) => wanted switch
    {
        JsonObject w => actual is JsonObject a && w.All(m => a.TryGetPropertyValue(m.Key, out var v) && Matches(v, m.Value)),
        JsonArray w => actual is JsonArray a && w.Any(x => a.Any(y => JsonNode.DeepEquals(x, y))),
        _ => JsonNode.DeepEquals(actual, wanted),
    };

    private static JsonObject Answer(JsonObject request, List<JsonObject> matches, HttpRequest http, TimeProvider clock)
    {
        var answer = new JsonObject
        {
            ["specversion"] = "1.0",
            ["id"] = Guid.NewGuid().ToString("D"),
            ["source"] = $"{http.Scheme}://{http.Host}/2/events",
            ["time"] = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        };
        if (matches.Count > 0)
        {
            answer["type"] = RequestFulfilled;
            answer["data"] = new JsonObject { ["requestEventId"] = request["id"]!.DeepClone(), ["pfs"] = new JsonArray([.. matches]) };
        }
        else
        {
            answer["type"] = RequestRejected;
            answer["data"] = new JsonObject
            {
                ["requestEventId"] = request["id"]!.DeepClone(),
                ["error"] = new JsonObject { ["code"] = "NotFound", ["message"] = "No footprint matches the request" },
            };
        }
        return answer;
    }
}
