using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Trace.Protos.V1;
using Xunit.Abstractions;

namespace Trace.Api.Tests.Provenance;

/// <summary>
/// Issue 17's provenance page against a real node seeded through gRPC (<see cref="ProvenanceScenario"/>): the page in
/// headless Chromium on a phone-sized screen, the same page with JavaScript off, the per-record pages' in-browser chain
/// verification, the JSON form by linkType, and the transcoded public reads with their OpenAPI document.
/// </summary>
public sealed class ProvenancePageTests(ProvenanceScenario seeded, ITestOutputHelper output) : IClassFixture<ProvenanceScenario>
{
    /// <summary>Where the browser test leaves its screenshots (stable paths, reported in the test output).</summary>
    public static readonly string Screenshot = Path.Combine(Path.GetTempPath(), "trace-provenance-page.png");
    public static readonly string RecordScreenshot = Path.Combine(Path.GetTempPath(), "trace-provenance-record.png");

    private const string PagePath = "/01/04012345000016/10/DP-2612-001";
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    private async Task<Footprint> FootprintAsync() => (await new LineageService.LineageServiceClient(seeded.Node.Api.Channel)
        .GetFootprintAsync(new GetFootprintRequest { BatchId = ProvenanceScenario.DoorPanelBatchId, IncludeUpstreamCitations = true })).Footprint;

    /// <summary>The per-unit figure as the page prints it: kgCO2e rounded to 3 decimals.</summary>
    private static string PerUnitText(Footprint f) =>
        Math.Round(decimal.Parse(f.KgCo2EPerUnit, CultureInfo.InvariantCulture), 3, MidpointRounding.AwayFromZero).ToString("#,##0.###", CultureInfo.InvariantCulture);

    private static string PercentText(string share) =>
        Math.Round(decimal.Parse(share, CultureInfo.InvariantCulture) * 100m, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    [BrowserFact]
    public async Task A_buyer_sees_the_footprint_verified_badges_the_revoked_and_the_flagged_record_and_the_record_page_verifies_on_chain()
    {
        var footprint = await FootprintAsync();
        var revoked = seeded.Scenario.RecordId("energy-report");
        var flagged = seeded.Scenario.RecordId("ore-rail");
        var doorPanel = seeded.Scenario.RecordId("door-panel");
        var upstream = await new LineageService.LineageServiceClient(seeded.Node.Api.Channel)
            .GetUpstreamLineageAsync(new GetUpstreamLineageRequest { BatchId = ProvenanceScenario.DoorPanelBatchId });

        var seen = await DriveAsync(new JsonObject
        {
            ["chromium"] = Browser.Chromium, ["pageUrl"] = new Uri(seeded.Http, PagePath).ToString(),
            ["recordUrls"] = new JsonArray(new Uri(seeded.Http, $"/records/{doorPanel}").ToString(), new Uri(seeded.Http, $"/records/{revoked}").ToString(),
                new Uri(seeded.Http, $"/records/{flagged}").ToString()),
            ["screenshot"] = Screenshot, ["recordScreenshot"] = RecordScreenshot,
        });

        Assert.Equal(200, seen["status"]!.GetValue<int>());
        Assert.Equal(footprint.ProductName, seen["product"]!.GetValue<string>());
        Assert.Equal(ProvenanceScenario.Names["partsMaker"], seen["producer"]!.GetValue<string>());
        Assert.Equal(PerUnitText(footprint), seen["perUnit"]!.GetValue<string>());
        Assert.Equal(PercentText(footprint.VerifiedShare), seen["verifiedShare"]!.GetValue<string>());
        Assert.Contains("withdrawn evidence", seen["withdrawn"]!.GetValue<string>(), StringComparison.Ordinal);

        // Every cited record has a visible badge: VERIFIED records say Verified, the revoked energy report says Revoked,
        // the ore's rail shipment, under a regulator's open flag, says Flagged.
        var records = seen["records"]!.AsArray().Select(r => r!.AsObject()).ToDictionary(r => r["id"]!.GetValue<string>());
        Assert.Equal(footprint.Citations.Select(c => c.RecordId).Distinct().Order(), records.Keys.Order());
        Assert.All(records.Values, r => Assert.True(r["badgeVisible"]!.GetValue<bool>()));
        foreach (var citation in footprint.Citations.Where(c => c.Standing == LineageStanding.Verified))
            Assert.Equal("Verified", records[citation.RecordId]["badge"]!.GetValue<string>());
        Assert.True(footprint.Citations.Count(c => c.Standing == LineageStanding.Verified) >= 10);
        Assert.Equal("Revoked", records[revoked]["badge"]!.GetValue<string>());
        Assert.Equal(ProvenanceScenario.Names["smelter"], records[revoked]["issuer"]!.GetValue<string>());
        Assert.Equal("Flagged", records[flagged]["badge"]!.GetValue<string>());
        Assert.Equal(ProvenanceScenario.Names["mine"], records[flagged]["issuer"]!.GetValue<string>());
        Assert.Contains("flagged by a regulator", seen["withdrawn"]!.GetValue<string>(), StringComparison.Ordinal);

        // The lineage graph draws every upstream batch; the chart and the QR code are there; nothing comes from elsewhere.
        Assert.Equal(upstream.Nodes.Count, seen["graphNodes"]!.GetValue<int>());
        Assert.True(seen["chartBars"]!.GetValue<int>() >= footprint.Breakdown.Count);
        Assert.Equal(1, seen["qr"]!.GetValue<int>());
        Assert.Empty(seen["foreignRequests"]!.AsArray());
        Assert.False(seen["horizontalOverflow"]!.GetValue<bool>(), "the page scrolls sideways on a 412 px wide phone");

        // The record pages check the proof bundle against the chain in the browser.
        var pages = seen["recordPages"]!.AsArray();
        Assert.Equal("VERIFIED", pages[0]!["result"]!.GetValue<string>());
        Assert.StartsWith("Verified:", pages[0]!["verdict"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["format", "subject", "record_id", "domain", "signature", "merkle_leaf", "merkle_proof", "chain_id", "root_on_chain", "anchor_transaction", "registry_verify", "regulator_flags"],
            pages[0]!["checks"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        Assert.All(pages[0]!["checks"]!.AsArray(), c => Assert.True(c!["passed"]!.GetValue<bool>(), c!["text"]!.GetValue<string>()));
        Assert.Equal("REVOKED", pages[1]!["result"]!.GetValue<string>());
        // The chain's registry still answers VALID for the flagged record; the page reads the open flag from the chain.
        Assert.Equal("FLAGGED", pages[2]!["result"]!.GetValue<string>());
        Assert.StartsWith("Flagged:", pages[2]!["verdict"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(pages[2]!["checks"]!.AsArray(), c => c!["name"]!.GetValue<string>() == "regulator_flags" && !c!["passed"]!.GetValue<bool>());

        // With JavaScript off the key figures and badges are still on the page.
        Assert.Equal(PerUnitText(footprint), seen["noJavaScript"]!["perUnit"]!.GetValue<string>());
        Assert.Contains("Revoked", seen["noJavaScript"]!["badges"]!.AsArray().Select(b => b!.GetValue<string>()));
        Assert.Contains("Flagged", seen["noJavaScript"]!["badges"]!.AsArray().Select(b => b!.GetValue<string>()));
        Assert.True(new FileInfo(Screenshot).Length > 20_000, "the screenshot is an image of the page");
        output.WriteLine($"screenshot: {Screenshot} ({new FileInfo(Screenshot).Length} bytes); record page: {RecordScreenshot}");
        output.WriteLine($"console: {seen["console"]}");
    }

    [Fact]
    public async Task Key_figures_badges_and_the_qr_code_are_in_the_html_itself_so_the_page_reads_without_javascript()
    {
        var footprint = await FootprintAsync();
        using var response = await Http.GetAsync(new Uri(seeded.Http, PagePath));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"id=\"footprint-per-unit\">{PerUnitText(footprint)}<", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"verified-share\">{PercentText(footprint.VerifiedShare)}<", html, StringComparison.Ordinal);
        Assert.Contains(">Verified</span>", html, StringComparison.Ordinal);
        Assert.Contains(">Revoked</span>", html, StringComparison.Ordinal);
        Assert.Contains(">Flagged</span>", html, StringComparison.Ordinal);
        Assert.Contains("wet tonnes declared as cargo mass", html, StringComparison.Ordinal); // the regulator's note
        Assert.Contains("<svg class=\"chart\"", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"graph\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal); // the lot page has no script at all
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        // GTIN-13 is the same product as its zero-padded GTIN-14, as in GS1 Digital Link.
        using var short13 = await Http.GetAsync(new Uri(seeded.Http, "/01/4012345000016/10/DP-2612-001"));
        Assert.Contains($"id=\"footprint-per-unit\">{PerUnitText(footprint)}<", await short13.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The QR code as PNG.
        using var qr = await Http.GetAsync(new Uri(seeded.Http, PagePath + "?linkType=trace:qrcode"));
        Assert.Equal("image/png", qr.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await qr.Content.ReadAsByteArrayAsync())[..4]);
    }

    [Fact]
    public async Task The_json_form_by_linkType_carries_the_footprint_lineage_and_each_records_status_and_bad_paths_name_the_part()
    {
        var footprint = await FootprintAsync();
        using var response = await Http.GetAsync(new Uri(seeded.Http, PagePath + "?linkType=trace:provenance"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("trace.provenance/v1", json["format"]!.GetValue<string>());
        Assert.Equal("04012345000016", json["gtin"]!.GetValue<string>());
        Assert.Equal(ProvenanceScenario.DoorPanelBatchId, json["batchId"]!.GetValue<string>());
        Assert.Equal(footprint.TotalKgCo2E, json["footprint"]!["totalKgCo2e"]!.GetValue<string>());
        Assert.Equal(footprint.KgCo2EPerUnit, json["footprint"]!["kgCo2ePerUnit"]!.GetValue<string>());
        Assert.Equal(footprint.VerifiedShare, json["footprint"]!["verifiedShare"]!.GetValue<string>());
        var upstream = await new LineageService.LineageServiceClient(seeded.Node.Api.Channel)
            .GetUpstreamLineageAsync(new GetUpstreamLineageRequest { BatchId = ProvenanceScenario.DoorPanelBatchId });
        Assert.Equal(upstream.Nodes.Select(n => n.BatchId), json["lineage"]!["nodes"]!.AsArray().Select(n => n!["batchId"]!.GetValue<string>()));
        var revoked = json["records"]!.AsArray().Single(r => r!["citation"]!["recordId"]!.GetValue<string>() == seeded.Scenario.RecordId("energy-report"))!;
        Assert.Equal("Revoked", revoked["status"]!.GetValue<string>());
        Assert.Equal(ProvenanceScenario.Names["smelter"], revoked["issuerOrganisation"]!["name"]!.GetValue<string>());
        Assert.StartsWith("0x", revoked["anchorTransaction"]!["txHash"]!.GetValue<string>(), StringComparison.Ordinal);
        var flagged = json["records"]!.AsArray().Single(r => r!["citation"]!["recordId"]!.GetValue<string>() == seeded.Scenario.RecordId("ore-rail"))!;
        Assert.Equal("Flagged", flagged["status"]!.GetValue<string>());

        using var linkset = await Http.GetAsync(new Uri(seeded.Http, PagePath + "?linkType=linkset"));
        Assert.Equal("application/linkset+json", linkset.Content.Headers.ContentType?.MediaType);
        Assert.Contains("https://gs1.org/voc/pip", await linkset.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var badCheckDigit = await Http.GetAsync(new Uri(seeded.Http, "/01/04012345000017/10/DP-2612-001?linkType=trace:provenance"));
        Assert.Equal(HttpStatusCode.BadRequest, badCheckDigit.StatusCode);
        Assert.StartsWith("gtin (AI 01): GTIN 04012345000017 has check digit 7, expected 6",
            JsonNode.Parse(await badCheckDigit.Content.ReadAsStringAsync())!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        using var unknownLot = await Http.GetAsync(new Uri(seeded.Http, "/01/04012345000016/10/NO-SUCH-LOT?linkType=trace:provenance"));
        Assert.Equal(HttpStatusCode.NotFound, unknownLot.StatusCode);
        using var unknownType = await Http.GetAsync(new Uri(seeded.Http, PagePath + "?linkType=gs1:recipeInfo"));
        Assert.Equal(HttpStatusCode.NotFound, unknownType.StatusCode);
        Assert.Contains("linkType", await unknownType.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_reads_answer_anonymous_json_and_the_openapi_document_lists_them_and_not_the_token_only_lineage()
    {
        var footprint = await FootprintAsync();
        var document = JsonNode.Parse(await Http.GetStringAsync(new Uri(seeded.Http, "/openapi/v1.json")))!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var path in new[] { "/v1/node", "/v1/footprint", "/v1/records/{recordId}", "/v1/records/{recordId}/proof-bundle", "/v1/participants", "/v1/participants/{participantId}", "/v1/verify" })
            Assert.Contains(path, paths);
        Assert.DoesNotContain(paths, p => p.Contains("lineage", StringComparison.OrdinalIgnoreCase));

        // Anonymous JSON, the same figures as gRPC.
        var transcoded = JsonNode.Parse(await Http.GetStringAsync(new Uri(seeded.Http, "/v1/footprint?batch_id=" + Uri.EscapeDataString(ProvenanceScenario.DoorPanelBatchId))))!;
        Assert.Equal(footprint.TotalKgCo2E, transcoded["footprint"]!["totalKgCo2e"]!.GetValue<string>());
        var id = seeded.Scenario.RecordId("door-panel");
        var bundle = JsonNode.Parse(await Http.GetStringAsync(new Uri(seeded.Http, $"/v1/records/{id}/proof-bundle")))!;
        Assert.Equal(id, JsonNode.Parse(bundle["bundleJson"]!.GetValue<string>())!["recordId"]!.GetValue<string>());
        using var missing = await Http.GetAsync(new Uri(seeded.Http, "/v1/footprint?batch_id=urn%3Atrace%3Anone"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.StartsWith("batch_id:", JsonNode.Parse(await missing.Content.ReadAsStringAsync())!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task<JsonNode> DriveAsync(JsonObject arguments)
    {
        var start = new ProcessStartInfo(Browser.Node!) { WorkingDirectory = Browser.Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("provenance-page.mjs");
        start.ArgumentList.Add(arguments.ToJsonString());
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"the browser driver failed ({process.ExitCode}): {await stderr}");
        var text = await stdout;
        output.WriteLine(text.Length > 4000 ? text[..4000] : text);
        return JsonNode.Parse(text)!;
    }
}
