using System.Globalization;
using System.Text.RegularExpressions;
using Trace.Api.Tests.Support;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Cli;

/// <summary>
/// <c>trace demo</c> against a started embedded node: onboards the cast with the embedded admin key, plays the steel
/// scenario to the end, and prints the door panels' footprint (the node's own GetFootprint) and the provenance page URL.
/// </summary>
[Collection(EvidenceNodeCollection.Name)]
public sealed partial class DemoTests(EvidenceNodeFixture node) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("trace-cli-demo-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Demo_plays_the_steel_chain_and_ends_with_the_node_footprint_and_a_page_url()
    {
        var cli = new TraceCliProcess(Path.Combine(_directory, "home"), node.Api.GrpcAddress);

        var demo = (await cli.RunAsync(["demo", "--json"], timeout: TimeSpan.FromMinutes(4))).Exits(0).Json;

        var batchId = demo["batchId"]!.GetValue<string>();
        Assert.StartsWith("https://id.gs1.org/01/04012345000016/10/DP-2612-001", batchId);
        var pageUrl = demo["pageUrl"]!.GetValue<string>();
        Assert.Matches(PageUrl(), pageUrl);
        Assert.Equal(new Uri(node.Api.HttpAddress, batchId[batchId.IndexOf("/01/", StringComparison.Ordinal)..]), new Uri(pageUrl));
        Assert.Equal("VERIFIED", demo["verification"]!["status"]!.GetValue<string>());
        Assert.Equal(8, demo["participants"]!.AsObject().Count);
        Assert.Equal(16, demo["records"]!.AsObject().Count); // 15 steps and the correction

        var printed = demo["footprint"]!;
        var footprint = (await new LineageService.LineageServiceClient(node.Api.Channel).GetFootprintAsync(new GetFootprintRequest { BatchId = batchId })).Footprint;
        Assert.Equal(Parse(footprint.TotalKgCo2E), Parse(printed["totalKgCo2e"]!.GetValue<string>()));
        Assert.Equal(Parse(footprint.KgCo2EPerUnit), Parse(printed["kgCo2ePerUnit"]!.GetValue<string>()));
        Assert.Equal(Parse(footprint.VerifiedShare), Parse(printed["verifiedShare"]!.GetValue<string>()));
        Assert.Equal(Parse(footprint.PrimaryShare), Parse(printed["primaryShare"]!.GetValue<string>()));
        // The revoked energy report is visible in what the demo prints, as in the node's answer.
        Assert.True(footprint.RestsOnWithdrawnEvidence);
        Assert.True(printed["restsOnWithdrawnEvidence"]!.GetValue<bool>());
        Assert.True(Parse(footprint.TotalKgCo2E) > 0);

        // The printed URL serves the provenance page with that footprint, its key figure in the HTML itself.
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) })
        using (var page = await http.GetAsync(pageUrl))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
            var perUnit = Math.Round(Parse(footprint.KgCo2EPerUnit), 3, MidpointRounding.AwayFromZero).ToString("#,##0.###", CultureInfo.InvariantCulture);
            Assert.Contains($"id=\"footprint-per-unit\">{perUnit}<", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Human output ends with the figure and the URL.
        var human = await cli.RunAsync(["demo"], timeout: TimeSpan.FromMinutes(4));
        human.Exits(0);
        Assert.Contains("kgCO2e per door panel", human.Output);
        Assert.Matches(@"Provenance page: http://127\.0\.0\.1:\d+/01/04012345000016/10/DP-2612-001-[0-9A-Z]{4}", human.Output);
    }

    private static decimal Parse(string value) => decimal.Parse(value, NumberStyles.Number, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^http://127\.0\.0\.1:\d+/01/\d{14}/10/[0-9A-Za-z-]{1,20}$")]
    private static partial Regex PageUrl();
}
