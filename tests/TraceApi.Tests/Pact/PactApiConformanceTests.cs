using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Trace.Api.Tests.Lineage;
using Trace.Node.Standards.Pact;
using Trace.Tests.Support;

namespace Trace.Api.Tests.Pact;

/// <summary>
/// The PACT host API over real HTTP against a real node holding the steel scenario (issue 15), driven with the request
/// shapes of the PACT Tech Specs v2 OpenAPI (../shared/standards/pact/v2-openapi.yaml): the client credentials token,
/// ListFootprints with limit and Link paging and $filter, GetFootprint, events, and each error body.
/// </summary>
public sealed class PactApiConformanceTests(PactNode pact) : IClassFixture<PactNode>
{
    private static readonly string[] V2Batches = ["ore", "pig-iron", "scrap", "coil", "billet", "press-scrap"]; // door panels are pieces: PACT v3 only

    private HttpClient Http => pact.Http;

    [Fact]
    public async Task A_client_gets_a_bearer_token_with_its_credentials_by_http_basic_or_in_the_form()
    {
        using var basic = TokenRequest(PactNode.Buyer, PactNode.Secrets[PactNode.Buyer]);
        using var response = await Http.SendAsync(basic);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("bearer", body["token_type"]!.GetValue<string>());
        Assert.Equal(3600, body["expires_in"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(body["access_token"]!.GetValue<string>()));

        using var form = await Http.PostAsync("/auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = PactNode.Buyer, ["client_secret"] = PactNode.Secrets[PactNode.Buyer],
        }));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }

    [Fact]
    public async Task A_wrong_secret_or_grant_gets_no_token_and_the_secret_is_never_logged()
    {
        using var wrong = await Http.SendAsync(TokenRequest(PactNode.Buyer, "not-the-secret"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("invalid_client", JsonNode.Parse(await wrong.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());

        using var grant = TokenRequest(PactNode.Buyer, PactNode.Secrets[PactNode.Buyer], grant: "password");
        using var unsupported = await Http.SendAsync(grant);
        Assert.Equal(HttpStatusCode.BadRequest, unsupported.StatusCode);
        Assert.Equal("unsupported_grant_type", JsonNode.Parse(await unsupported.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());

        await TokenAsync(PactNode.Buyer);
        foreach (var secret in PactNode.Secrets.Values.Append("not-the-secret"))
        {
            Assert.DoesNotContain(secret, pact.Node.Api.Output);
            Assert.DoesNotContain(PactNode.Sha256(secret), pact.Node.Api.Output, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains($"Pact:Clients={PactNode.Buyer},{PactNode.Reader},{PactNode.ShortLived}", pact.Node.Api.Output);
    }

    [Fact]
    public async Task ListFootprints_pages_by_the_Link_header_through_every_footprint_once()
    {
        var token = await TokenAsync(PactNode.Buyer);
        var seen = new List<JsonObject>();
        var url = "/2/footprints?limit=2";
        var pages = 0;
        while (url is not null)
        {
            using var response = await Http.SendAsync(Get(url, token));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var data = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!.AsArray();
            Assert.InRange(data.Count, 1, 2);
            seen.AddRange(data.Select(pf => pf!.AsObject()));
            pages++;
            url = response.Headers.TryGetValues("Link", out var links) ? NextLink(links.Single()) : null;
            Assert.True(url is null || url.StartsWith(pact.Node.Api.HttpAddress.ToString().TrimEnd('/') + "/2/footprints?", StringComparison.Ordinal), url);
        }
        // Another test of this class may add a declared batch: every scenario batch PACT v2 can express is listed, once, in id order.
        var ids = seen.Select(pf => pf["id"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal).Distinct(), ids);
        Assert.Equal((ids.Count + 1) / 2, pages);
        Assert.Subset(ids.ToHashSet(), V2Batches.Select(b => PactFootprintIds.For(pact.Scenario.Subject(b)).ToString("D")).ToHashSet());
        Assert.DoesNotContain(PactFootprintIds.For(pact.Scenario.Subject("door-panel")).ToString("D"), ids);
        foreach (var pf in seen) Assert.Null(PactSchema.FirstViolation(JsonSerializer.SerializeToElement(pf)));
    }

    [Fact]
    public async Task ListFootprints_filters_by_product_id_and_creation_time()
    {
        var token = await TokenAsync(PactNode.Buyer);
        var byGtin = await ListAsync(token, "productIds/any(productId:(productId eq 'urn:gtin:09506000134352'))");
        Assert.Equal(PactFootprintIds.For(pact.Scenario.Subject("pig-iron")).ToString("D"), Assert.Single(byGtin)["id"]!.GetValue<string>());
        Assert.InRange((await ListAsync(token, "created ge '2020-01-01T00:00:00Z' and status eq 'Active'")).Count, V2Batches.Length, V2Batches.Length + 1);
        Assert.Empty(await ListAsync(token, "created lt '2020-01-01T00:00:00Z'"));
    }

    [Fact]
    public async Task GetFootprint_returns_the_computed_pig_iron_footprint_per_kilogram_with_its_records()
    {
        var token = await TokenAsync(PactNode.Buyer);
        var id = PactFootprintIds.For(pact.Scenario.Subject("pig-iron")).ToString("D");
        using var response = await Http.SendAsync(Get($"/2/footprints/{id}", token));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pf = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!;
        Assert.Null(PactSchema.FirstViolation(JsonSerializer.SerializeToElement(pf)));
        var pcf = pf["pcf"]!;
        Assert.Equal("kilogram", pcf["declaredUnit"]!.GetValue<string>());
        // F = 1 564 093.3297... kgCO2e for 1 000 t = 1 000 000 kg (hand calculation in SteelScenarioFigures).
        var expectedPerKg = decimal.Parse(SteelScenarioFigures.Original["pig-iron"].Total[1..], CultureInfo.InvariantCulture) / 1_000_000m;
        Assert.InRange(decimal.Parse(pcf["pCfExcludingBiogenic"]!.GetValue<string>(), CultureInfo.InvariantCulture), expectedPerKg - 1e-12m, expectedPerKg + 1e-12m);
        var expectedShare = decimal.Parse(SteelScenarioFigures.Original["pig-iron"].PrimaryShare[1..], CultureInfo.InvariantCulture) * 100m;
        Assert.Equal(Math.Round(expectedShare, 4), pcf["primaryDataShare"]!.GetValue<decimal>());
        var data = pf["extensions"]![0]!["data"]!;
        var records = data["records"]!.AsArray().Select(r => r!["recordId"]!.GetValue<string>()).ToList();
        Assert.Contains(pact.Scenario.RecordId("pig-iron"), records);
        Assert.Contains(pact.Scenario.RecordId("smelting"), records);
        Assert.Equal(pact.Node.EvidenceRegistry.ToString(), data["chain"]!["evidenceRegistry"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_footprint_id_is_NoSuchFootprint_and_a_malformed_one_BadRequest()
    {
        var token = await TokenAsync(PactNode.Buyer);
        await AssertErrorAsync(Get($"/2/footprints/{Guid.NewGuid():D}", token), HttpStatusCode.NotFound, "NoSuchFootprint");
        await AssertErrorAsync(Get("/2/footprints/not-a-uuid", token), HttpStatusCode.BadRequest, "BadRequest");
    }

    [Fact]
    public async Task A_bad_filter_or_limit_is_BadRequest()
    {
        var token = await TokenAsync(PactNode.Buyer);
        await AssertErrorAsync(Get("/2/footprints?$filter=" + Uri.EscapeDataString("productIds/any(productId:(productId eq 'urn:gtin:1'"), token), HttpStatusCode.BadRequest, "BadRequest");
        await AssertErrorAsync(Get("/2/footprints?$filter=" + Uri.EscapeDataString("created between '2020'"), token), HttpStatusCode.BadRequest, "BadRequest");
        await AssertErrorAsync(Get("/2/footprints?limit=-1", token), HttpStatusCode.BadRequest, "BadRequest");
    }

    [Fact]
    public async Task A_missing_unknown_or_underscoped_token_is_AccessDenied_and_an_expired_one_TokenExpired()
    {
        await AssertErrorAsync(new HttpRequestMessage(HttpMethod.Get, "/2/footprints"), HttpStatusCode.Forbidden, "AccessDenied");
        await AssertErrorAsync(Get("/2/footprints", "not-a-token"), HttpStatusCode.Forbidden, "AccessDenied");
        await AssertErrorAsync(Get("/2/footprints", await TokenAsync(PactNode.Reader)), HttpStatusCode.Forbidden, "AccessDenied");

        var shortLived = await TokenAsync(PactNode.ShortLived);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await AssertErrorAsync(Get("/2/footprints", shortLived), HttpStatusCode.Unauthorized, "TokenExpired");
    }

    [Fact]
    public async Task A_footprint_request_event_is_stored_with_its_fulfilled_answer()
    {
        var token = await TokenAsync(PactNode.Buyer);
        var requestId = Guid.NewGuid().ToString("D");
        var request = new JsonObject
        {
            ["type"] = "org.wbcsd.pathfinder.ProductFootprintRequest.Created.v1",
            ["specversion"] = "1.0",
            ["id"] = requestId,
            ["source"] = "//buyer.example/2/events",
            ["time"] = "2026-11-08T13:26:00Z",
            ["data"] = new JsonObject { ["pf"] = new JsonObject { ["productIds"] = new JsonArray("urn:gtin:09506000134352") }, ["comment"] = "pig iron please" },
        };
        using var response = await Http.SendAsync(Event(request, token));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var entry = StoredEvents().Single(e => e["event"]!["id"]!.GetValue<string>() == requestId);
        Assert.Equal(PactNode.Buyer, entry["clientId"]!.GetValue<string>());
        var answer = entry["answer"]!;
        Assert.Equal("org.wbcsd.pathfinder.ProductFootprintRequest.Fulfilled.v1", answer["type"]!.GetValue<string>());
        Assert.Equal(requestId, answer["data"]!["requestEventId"]!.GetValue<string>());
        Assert.Equal(PactFootprintIds.For(pact.Scenario.Subject("pig-iron")).ToString("D"), Assert.Single(answer["data"]!["pfs"]!.AsArray())!["id"]!.GetValue<string>());

        request["id"] = Guid.NewGuid().ToString("D");
        request["data"]!["pf"]!["productIds"] = new JsonArray("urn:gtin:00000000000000");
        using var none = await Http.SendAsync(Event(request, token));
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Equal("org.wbcsd.pathfinder.ProductFootprintRequest.Rejected.v1",
            StoredEvents().Single(e => e["event"]!["id"]!.GetValue<string>() == request["id"]!.GetValue<string>())["answer"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_update_notification_is_stored_and_a_malformed_or_unknown_event_refused()
    {
        var token = await TokenAsync(PactNode.Buyer);
        var published = new JsonObject
        {
            ["type"] = "org.wbcsd.pathfinder.ProductFootprint.Published.v1", ["specversion"] = "1.0", ["id"] = Guid.NewGuid().ToString("D"),
            ["source"] = "//supplier.example/2/events", ["time"] = "2026-11-08T13:26:00Z",
            ["data"] = new JsonObject { ["pfIds"] = new JsonArray(Guid.NewGuid().ToString("D")) },
        };
        using (var ok = await Http.SendAsync(Event(published, token))) Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains(StoredEvents(), e => e["event"]!["id"]!.GetValue<string>() == published["id"]!.GetValue<string>());

        var noId = published.DeepClone().AsObject();
        noId.Remove("id");
        await AssertErrorAsync(Event(noId, token), HttpStatusCode.BadRequest, "BadRequest");
        var unknown = published.DeepClone().AsObject();
        unknown["type"] = "org.example.Unknown.v1";
        await AssertErrorAsync(Event(unknown, token), HttpStatusCode.BadRequest, "NotImplemented");
        await AssertErrorAsync(Event(published, "not-a-token"), HttpStatusCode.Forbidden, "AccessDenied");
    }

    [PactFixtureFact]
    public async Task The_specs_own_fulfilled_event_example_is_accepted()
    {
        var token = await TokenAsync(PactNode.Buyer);
        var example = JsonNode.Parse(PactFixtures.Read("v2-pf-response-event.json"))!.AsObject();
        using var response = await Http.SendAsync(Event(example, token));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(StoredEvents(), e => e["event"]!["id"]!.GetValue<string>() == example["id"]!.GetValue<string>());
    }

    private static HttpRequestMessage TokenRequest(string clientId, string secret, string grant = "client_credentials")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/auth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = grant }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        return request;
    }

    private async Task<string> TokenAsync(string client)
    {
        using var response = await Http.SendAsync(TokenRequest(client, PactNode.Secrets[client]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
    }

    private static HttpRequestMessage Get(string url, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static HttpRequestMessage Event(JsonObject cloudEvent, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/2/events")
        {
            Content = new StringContent(cloudEvent.ToJsonString(), Encoding.UTF8, "application/cloudevents+json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private async Task<List<JsonObject>> ListAsync(string token, string filter)
    {
        using var response = await Http.SendAsync(Get("/2/footprints?$filter=" + Uri.EscapeDataString(filter), token));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!.AsArray().Select(n => n!.AsObject())];
    }

    private async Task AssertErrorAsync(HttpRequestMessage request, HttpStatusCode status, string code)
    {
        using (request)
        using (var response = await Http.SendAsync(request))
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(status == response.StatusCode, $"{request.Method} {request.RequestUri}: {(int)response.StatusCode} {text}");
            var body = JsonNode.Parse(text)!;
            Assert.Equal(code, body["code"]!.GetValue<string>());
            Assert.False(string.IsNullOrEmpty(body["message"]!.GetValue<string>()));
        }
    }

    private List<JsonNode> StoredEvents() =>
        [.. File.ReadAllLines(Path.Combine(pact.Node.Api.DataDirectory, "pact", "events.jsonl")).Select(l => JsonNode.Parse(l)!)];

    private static string NextLink(string header)
    {
        var start = header.IndexOf('<', StringComparison.Ordinal) + 1;
        var end = header.IndexOf('>', StringComparison.Ordinal);
        Assert.EndsWith("rel=\"next\"", header);
        return header[start..end];
    }
}
