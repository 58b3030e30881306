using Microsoft.Extensions.Options;
using Trace.Domain.Lineage;
using Trace.Node.Carbon.Factors;

namespace Trace.Node.Tests.Carbon;

/// <summary>The shipped transport factor set and an operator's file: every row cited or stated as an assumption, bad files refused naming the row.</summary>
public sealed class TransportFactorSetTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("trace-factors-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_shipped_set_loads_with_one_row_per_mode_each_cited_or_stated_as_an_assumption()
    {
        var provider = new TransportFactorProvider(Options.Create(new CarbonFactorOptions()));

        var set = provider.Active;
        Assert.Equal(TransportFactorProvider.ShippedVersion, set.Version);
        Assert.Equal(Enum.GetValues<TransportMode>().Order(), set.Rows.Select(r => r.Mode).Order());
        Assert.All(set.Rows, row =>
        {
            Assert.False(string.IsNullOrWhiteSpace(row.Source));
            Assert.True(row.KgCo2ePerTonneKm > 0, $"{row.Mode} has intensity {row.KgCo2ePerTonneKm}");
            if (row.IsAssumption) Assert.False(string.IsNullOrWhiteSpace(row.Note), $"{row.Mode} is an assumption without a note");
            else Assert.True(row.Table is { Length: > 0 } && row.Year is > 1900, $"{row.Mode} cites no table and year");
        });
        Assert.Same(set, provider.Find(set.Version));
        Assert.Null(provider.Find("no-such-version"));
    }

    [Fact]
    public void The_shipped_set_keeps_decimal_figures_exactly_as_written()
    {
        var set = TransportFactorProvider.LoadShipped();

        Assert.Equal("0.098", set.For(TransportMode.Sea).KgCo2ePerTonneKm.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("\"kgCO2ePerTonneKm\":\"0.098\"", TransportFactorSetJson.WriteBody(set), StringComparison.Ordinal);
    }

    [Fact]
    public void An_operator_file_replaces_the_shipped_set()
    {
        var path = Write("acme.json", ValidSet("acme-2026.2", rail: "0.0185"));

        var provider = new TransportFactorProvider(Options.Create(new CarbonFactorOptions { TransportFactorsPath = path }));

        Assert.Equal("acme-2026.2", provider.Active.Version);
        Assert.Equal(0.0185m, provider.Active.For(TransportMode.Rail).KgCo2ePerTonneKm);
        Assert.Equal(Path.GetFullPath(path), provider.ActiveSource);
    }

    [Theory]
    [InlineData("\"0,5\"", "rows[1] (rail).kgCO2ePerTonneKm")]
    [InlineData("\"-0.5\"", "rows[1] (rail).kgCO2ePerTonneKm")]
    [InlineData("0.5", "rows[1] (rail).kgCO2ePerTonneKm")]
    [InlineData("\"1e-3\"", "rows[1] (rail).kgCO2ePerTonneKm")]
    public void A_malformed_intensity_is_refused_naming_the_file_and_row(string rail, string path)
    {
        var file = Write("bad.json", ValidSet("acme-bad", rail: rail, quoteRail: false));

        var error = Assert.Throws<TransportFactorSetException>(() => new TransportFactorProvider(Options.Create(new CarbonFactorOptions { TransportFactorsPath = file })));

        Assert.Equal(path, error.Path);
        Assert.Contains(Path.GetFullPath(file), error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_that_cites_without_table_and_year_and_is_no_assumption_is_refused()
    {
        var json = ValidSet("acme-1").Replace("\"table\": \"T1\", \"year\": 2023", "\"year\": 2023", StringComparison.Ordinal);

        var error = Assert.Throws<TransportFactorSetException>(() => TransportFactorSetJson.Read(json, "acme.json"));

        Assert.Equal("rows[0] (road).table", error.Path);
    }

    [Fact]
    public void An_assumption_without_a_note_is_refused()
    {
        var json = ValidSet("acme-1").Replace("\"assumption\": true, \"note\": \"approximates a rail average\"", "\"assumption\": true", StringComparison.Ordinal);

        var error = Assert.Throws<TransportFactorSetException>(() => TransportFactorSetJson.Read(json, "acme.json"));

        Assert.Equal("rows[1] (rail).note", error.Path);
    }

    [Fact]
    public void A_missing_mode_a_repeated_mode_and_an_unknown_member_are_refused()
    {
        var missing = Assert.Throws<TransportFactorSetException>(() => TransportFactorSetJson.Read(
            ValidSet("acme-1").Replace("\"mode\": \"air\"", "\"mode\": \"road\"", StringComparison.Ordinal), "acme.json"));
        Assert.Equal("rows[4] (road)", missing.Path);

        var unknown = Assert.Throws<TransportFactorSetException>(() => TransportFactorSetJson.Read(
            ValidSet("acme-1").Replace("\"mode\": \"sea\"", "\"mode\": \"sea\", \"gCO2e\": 5", StringComparison.Ordinal), "acme.json"));
        Assert.Equal("rows[2] (sea).gCO2e", unknown.Path);

        var noAir = Assert.Throws<TransportFactorSetException>(() => TransportFactorSetJson.Read(
            """{"version":"v1","rows":[]}""", "acme.json"));
        Assert.Contains("no row for road, rail, sea, inland_waterway, air", noAir.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_operator_file_is_refused_naming_it()
    {
        var path = Path.Combine(_directory, "absent.json");

        var error = Assert.Throws<TransportFactorSetException>(() => new TransportFactorProvider(Options.Create(new CarbonFactorOptions { TransportFactorsPath = path })));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_record_body_is_canonical_and_round_trips()
    {
        var set = TransportFactorSetJson.Read(ValidSet("acme-1"), "acme.json");

        var body = TransportFactorSetJson.WriteBody(set);
        var again = TransportFactorSetJson.Read(body, "body");

        Assert.StartsWith("{\"recordType\":\"trace.transport-factor-set/v1\",\"rows\":[", body, StringComparison.Ordinal);
        Assert.Equal(body, TransportFactorSetJson.WriteBody(again));
        Assert.Equal(set.Rows, again.Rows);
    }

    private string Write(string name, string json)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>A valid operator set: road cited, rail an assumption, the rest cited.</summary>
    internal static string ValidSet(string version, string rail = "0.025", bool quoteRail = true) => $$"""
        {
          "version": "{{version}}",
          "rows": [
            { "mode": "road", "kgCO2ePerTonneKm": "0.1", "source": "Acme study", "table": "T1", "year": 2023 },
            { "mode": "rail", "kgCO2ePerTonneKm": {{(quoteRail ? $"\"{rail}\"" : rail)}}, "source": "Acme", "assumption": true, "note": "approximates a rail average" },
            { "mode": "sea", "kgCO2ePerTonneKm": "0.015", "source": "Acme study", "table": "T3", "year": 2024 },
            { "mode": "inland_waterway", "kgCO2ePerTonneKm": "0.03", "source": "Acme study", "table": "T4", "year": 2024 },
            { "mode": "air", "kgCO2ePerTonneKm": "0.75", "source": "Acme study", "table": "T5", "year": 2024 }
          ]
        }
        """;
}
