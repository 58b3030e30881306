using Trace.Domain.Lineage;
using Trace.Node.Decisions.Hosting;

namespace Trace.Node.Tests.Decisions;

/// <summary>The operator's lane catalogue and default-value files (docs/decisions.md): read exactly, refused naming the file, entry and member.</summary>
public sealed class DecisionFilesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("trace-decisions-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void The_documented_lane_file_is_read_to_the_digit_as_operator_lanes()
    {
        var lanes = DecisionFiles.ReadLanes(Write("""
            { "lanes": [
              { "laneId": "CGO-MAL-rail", "mode": "rail", "origin": "CNCGO", "destination": "PLMAL", "distanceKm": "9500", "transitDays": "14", "handlingDays": "1" },
              { "laneId": "SHA-RTM-sea", "mode": "sea", "origin": "CNSHA", "destination": "NLRTM", "distanceKm": "19500.25", "transitDays": "32",
                "measuredKgCo2ePerTonneKm": "0.0050", "intensitySource": "Carrier X, GLEC-accredited fleet average 2025" } ] }
            """), DateTimeOffset.UnixEpoch);

        Assert.Equal(2, lanes.Count);
        Assert.Equal((TransportMode.Rail, 15m, "operator", (decimal?)null), (lanes[0].Mode, lanes[0].Days, lanes[0].Owner, lanes[0].MeasuredKgCo2ePerTonneKm));
        Assert.Equal(("19500.25", "0.0050"), (lanes[1].DistanceKm.ToString(System.Globalization.CultureInfo.InvariantCulture),
            lanes[1].MeasuredKgCo2ePerTonneKm!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("""{ "lanes": [ { "laneId": "A", "mode": "rail", "origin": "CNCGO", "destination": "PLMAL", "distanceKm": 9500, "transitDays": "14" } ] }""", "lanes[0].distanceKm: ")]
    [InlineData("""{ "lanes": [ { "laneId": "A", "mode": "truck", "origin": "CNCGO", "destination": "PLMAL", "distanceKm": "9500", "transitDays": "14" } ] }""", "lanes[0].mode: ")]
    [InlineData("""{ "lanes": [ { "laneId": "A", "mode": "rail", "origin": "cncgo", "destination": "PLMAL", "distanceKm": "9500", "transitDays": "14" } ] }""", "lanes[0].origin: ")]
    [InlineData("""{ "lanes": [ { "laneId": "A", "mode": "sea", "origin": "CNSHA", "destination": "NLRTM", "distanceKm": "1", "transitDays": "1", "measuredKgCo2ePerTonneKm": "0.01" } ] }""", "lanes[0].intensitySource: ")]
    [InlineData("""{ "lane": [] }""", "must be a JSON object")]
    public void A_malformed_lane_file_is_refused_naming_the_file_the_lane_and_the_member(string json, string expected)
    {
        var path = Write(json);
        var refused = Assert.Throws<DecisionFileException>(() => DecisionFiles.ReadLanes(path, DateTimeOffset.UnixEpoch));
        Assert.StartsWith(path + ": ", refused.Message, StringComparison.Ordinal);
        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_value_without_a_source_is_refused_and_a_cited_one_is_read()
    {
        var uncited = Write("""{ "defaultValues": [ { "cnCode": "72011011", "directTCo2ePerTonne": "1.9", "pricedEmissions": "direct" } ] }""");
        Assert.Contains("defaultValues[0].source: ", Assert.Throws<DecisionFileException>(() => DecisionFiles.ReadDefaultValues(uncited, DateTimeOffset.UnixEpoch)).Message, StringComparison.Ordinal);

        var row = Assert.Single(DecisionFiles.ReadDefaultValues(Write("""
            { "defaultValues": [ { "cnCode": "72011011", "directTCo2ePerTonne": "1.9", "indirectTCo2ePerTonne": "0.35",
              "pricedEmissions": "direct_and_indirect", "source": "test table" } ] }
            """), DateTimeOffset.UnixEpoch));
        Assert.Equal((2.25m, true), (row.PricedTonnesPerTonne, row.PricesIndirect));
    }
}
