using Trace.Api.Tests.Support;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Carbon;

/// <summary>The operator's own factor set: replaces the shipped one across a restart, keeps old versions findable, refuses a bad file at start-up.</summary>
public sealed class OperatorFactorSetTests : IDisposable
{
    private const string ShippedVersion = "trace-transport-factors-2026.1";
    private readonly string _directory = Directory.CreateTempSubdirectory("trace-factors-e2e-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task An_operator_set_replaces_the_shipped_one_and_the_old_version_stays_findable_with_its_record()
    {
        var data = Path.Combine(_directory, "data");
        string shippedRecord;
        await using (var first = await TraceApiProcess.StartAsync(data, EvidenceNodeFixture.Settings))
        {
            shippedRecord = (await EmissionFactorTests.WaitForRecordAsync(new(first.Channel), TimeSpan.FromSeconds(90))).RecordId;
        }

        var file = Path.Combine(_directory, "acme-factors.json");
        await File.WriteAllTextAsync(file, OperatorSet("acme-2026.2", rail: "0.0185"));
        var settings = EvidenceNodeFixture.Settings;
        settings["Trace:Carbon:TransportFactorsPath"] = file;
        string acmeRecord;
        await using (var second = await TraceApiProcess.StartAsync(data, settings))
        {
            var factors = new EmissionFactorService.EmissionFactorServiceClient(second.Channel);
            var active = await EmissionFactorTests.WaitForRecordAsync(factors, TimeSpan.FromSeconds(90));
            acmeRecord = active.RecordId;
            Assert.Equal("acme-2026.2", active.Version);
            Assert.True(active.Active);
            Assert.Equal("0.0185", active.Rows.Single(r => r.Mode == TransportMode.Rail).KgCo2EPerTonneKm);
            Assert.NotEqual(shippedRecord, acmeRecord);

            var old = await factors.GetTransportFactorsAsync(new GetTransportFactorsRequest { Version = ShippedVersion });
            Assert.False(old.Active);
            Assert.Equal(shippedRecord, old.RecordId);
            Assert.Equal("0.098", old.Rows.Single(r => r.Mode == TransportMode.Sea).KgCo2EPerTonneKm);

            var list = await factors.ListTransportFactorSetsAsync(new ListTransportFactorSetsRequest());
            Assert.Equal([("acme-2026.2", true, acmeRecord), (ShippedVersion, false, shippedRecord)],
                list.Sets.Select(s => (s.Version, s.Active, s.RecordId)));
        }

        // A restart with the same set submits nothing new: the one record per version is reused.
        await using var third = await TraceApiProcess.StartAsync(data, settings);
        var again = await EmissionFactorTests.WaitForRecordAsync(new(third.Channel), TimeSpan.FromSeconds(90));
        Assert.Equal(acmeRecord, again.RecordId);
        var records = await new EvidenceService.EvidenceServiceClient(third.Channel).ListRecordsAsync(
            new ListRecordsRequest { SubjectPrefix = "urn:trace:transport-factor-set:", PageSize = 50 });
        Assert.Equal(new[] { acmeRecord, shippedRecord }.Order(), records.Records.Select(r => r.Id).Order());
    }

    [Fact]
    public async Task A_malformed_operator_file_stops_start_up_naming_the_file_and_row()
    {
        var file = Path.Combine(_directory, "broken-factors.json");
        await File.WriteAllTextAsync(file, OperatorSet("acme-broken", rail: "zero point two"));
        var settings = EvidenceNodeFixture.Settings;
        settings["Trace:Carbon:TransportFactorsPath"] = file;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TraceApiProcess.StartAsync(Path.Combine(_directory, "data"), settings));

        Assert.Contains("exited", error.Message, StringComparison.Ordinal);
        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains("rows[1] (rail).kgCO2ePerTonneKm", error.Message, StringComparison.Ordinal);
    }

    private static string OperatorSet(string version, string rail) => $$"""
        {
          "version": "{{version}}",
          "rows": [
            { "mode": "road", "kgCO2ePerTonneKm": "0.105", "source": "Acme carrier survey", "table": "Annex A", "year": 2025 },
            { "mode": "rail", "kgCO2ePerTonneKm": "{{rail}}", "source": "Acme carrier survey", "table": "Annex B", "year": 2025 },
            { "mode": "sea", "kgCO2ePerTonneKm": "0.012", "source": "Acme carrier survey", "table": "Annex C", "year": 2025 },
            { "mode": "inland_waterway", "kgCO2ePerTonneKm": "0.029", "source": "Acme", "assumption": true, "note": "no barge data yet" },
            { "mode": "air", "kgCO2ePerTonneKm": "0.62", "source": "Acme carrier survey", "table": "Annex E", "year": 2025 }
          ]
        }
        """;
}
