using System.Globalization;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Trace.Api.Tests.Lineage;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Standards;

/// <summary>
/// CBAM report export of the steel scenario (iron ore → pig iron → hot-rolled coil) over gRPC against a real node, compared
/// with the hand calculation in exact rationals (tests/TraceApi.Tests/Lineage/scenario/cbam.py, which reads the record
/// files and runs no Trace code). Non-terminating figures are compared to 20 decimal places, the rational rounded half-even.
/// </summary>
public sealed class CbamExportTests(SteelScenarioNode node) : IClassFixture<SteelScenarioNode>
{
    private CbamService.CbamServiceClient Cbam => new(node.Api.Channel);

    private static Timestamp At(string utc) => Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture));

    [Fact]
    public async Task The_CBAM_export_of_the_steel_scenario_matches_the_hand_computed_specific_embedded_emissions()
    {
        var scenario = new SteelScenario(node);
        await scenario.RegisterParticipantsAsync();
        await scenario.SubmitStepsAsync();

        // Hot-rolled coil (CN 72083900) from the mill's installation. The coil record states no production period, so
        // the record's issued-at time places it: a period to 2100 holds it.
        var coilExport = await Cbam.ExportCbamReportAsync(new ExportCbamReportRequest
        {
            PeriodStart = At("2026-01-01T00:00:00Z"), PeriodEnd = At("2100-01-01T00:00:00Z"), CnCode = "72083900", InstallationId = "NL-INST-IJM-1",
            Format = CbamReportFormat.Json,
        });
        Assert.Equal("application/json", coilExport.MediaType);
        Assert.Equal(1u, coilExport.GoodsItems);
        using var coilReport = JsonDocument.Parse(coilExport.Content);
        var item = Assert.Single(coilReport.RootElement.GetProperty("cbamGoodsImported").EnumerateArray());
        Assert.Equal("720839", item.GetProperty("commodityCode").GetProperty("harmonizedSystemSubHeadingCode").GetString());
        Assert.Equal("00", item.GetProperty("commodityCode").GetProperty("combinedNomenclatureCode").GetString());
        Assert.Equal("NL-INST-IJM-1", item.GetProperty("installation").GetProperty("installationId").GetString());
        Assert.Equal("1050", item.GetProperty("goodsMeasureProduced").GetProperty("netMass").GetString());
        var coil = Assert.Single(item.GetProperty("cbamGoodsEmissions").EnumerateArray());
        Assert.Equal(scenario.Subject("coil"), coil.GetProperty("batchId").GetString());

        // cbam.py: Dir(pig iron) = 1420000 + 1550 × 84312.5 / 7000 = 80565475/56 kg; Ind(pig iron) = 95000 + 1550 × 20150 / 7000
        // = 1392465/14 kg; steelmaking Dir(T) = 98000 + 900 × Dir(pig)/1000 + 280000 × 2100.5/345000, Ind(T) = 210000.3 +
        // 900 × Ind(pig)/1000; the coil takes 1050000/1135000 by mass: Dir(coil) = 53883751655/41768 kg, Ind(coil) =
        // 125796681/454 kg; SEE = E / 1050000 kg.
        Assert.Equal("1.22864055542634598371", Round(coil, "specificDirectEmbeddedEmissions"));      // 10776750331/8771280000
        Assert.Equal("0.26389066708621774701", Round(coil, "specificIndirectEmbeddedEmissions"));    // 41932227/158900000
        Assert.Equal("tCO2e/t", coil.GetProperty("specificEmbeddedEmissionsUnit").GetString());
        Assert.Equal("1290.07258319766328289600", Round(coil, "directEmbeddedEmissions"));          // tonnes
        Assert.Equal("277.08520044052863436123", Round(coil, "indirectEmbeddedEmissions"));
        Assert.Equal("1.22864055542634598371", Round(item, "specificDirectEmbeddedEmissions"));
        // Default values: only the scrap's own scope 1 (2100.5 kg by default factor) reaches the coil: 8233960/5221 kg of
        // 53883751655/41768 + 125796681/454 kg, a share of 65871680/65457046307.
        Assert.Equal("0.00100633443939794239", Round(item, "shareOfDefaultValues"));
        Assert.Equal("0.99899366556060205761", Round(item, "shareOfActualData"));

        var precursors = coil.GetProperty("precursors").EnumerateArray().ToDictionary(p => p.GetProperty("batchId").GetString()!);
        var pig = precursors[scenario.Subject("pig-iron")];
        Assert.Equal("72011011", pig.GetProperty("combinedNomenclatureCode").GetString());
        Assert.Equal("BR-INST-SLZ-2", pig.GetProperty("installationId").GetString());
        Assert.Equal("900", pig.GetProperty("consumedNetMass").GetString());
        Assert.Equal("1.43866919642857142857", Round(pig, "specificDirectEmbeddedEmissions"));     // 3222619/2240000
        Assert.Equal("0.09946178571428571429", Round(pig, "specificIndirectEmbeddedEmissions"));   // 278493/2800000
        Assert.Equal("1197.83470539647577092511", Round(pig, "directEmbeddedEmissions"));           // 87010713/72640 t in the coil
        Assert.Equal("82.81179515418502202643", Round(pig, "indirectEmbeddedEmissions"));           // 7519311/90800 t
        var scrap = precursors[scenario.Subject("scrap")];
        Assert.Equal("1.57708484964566175062", Round(scrap, "directEmbeddedEmissions"));            // 205849/130525 t

        // Each figure names its record, actual or default, and its verification status.
        var figures = coil.GetProperty("figures").EnumerateArray().ToList();
        var process1 = figures.Single(f => f.GetProperty("figure").GetString() == "processScope1");
        Assert.Equal(scenario.RecordId("steelmaking"), process1.GetProperty("recordId").GetString());
        Assert.Equal("actual", process1.GetProperty("typeOfDetermination").GetString());
        Assert.Contains(process1.GetProperty("verificationStatus").GetString(), new[] { "pending", "anchored", "confirmed" });
        Assert.Equal("default", figures.First(f => f.GetProperty("figure").GetString() == $"precursor {scenario.Subject("scrap")}").GetProperty("typeOfDetermination").GetString());

        // Pig iron in its quarter (production ended 2026-11-30): SEE direct 3222619/2240000 t/t, 1438.669… t embedded.
        var pigExport = await Cbam.ExportCbamReportAsync(new ExportCbamReportRequest
        {
            PeriodStart = At("2026-10-01T00:00:00Z"), PeriodEnd = At("2027-01-01T00:00:00Z"), CnCode = "72011011", Format = CbamReportFormat.Json,
        });
        using var pigReport = JsonDocument.Parse(pigExport.Content);
        var pigItem = Assert.Single(pigReport.RootElement.GetProperty("cbamGoodsImported").EnumerateArray());
        Assert.Equal("1.43866919642857142857", Round(pigItem, "specificDirectEmbeddedEmissions"));
        Assert.Equal("1438.66919642857142857143", Round(pigItem, "directEmbeddedEmissions"));
        Assert.Equal("0", pigItem.GetProperty("shareOfDefaultValues").GetString());

        // The same coil report as CSV: a goods row, the batch row and one row per precursor.
        var csv = await Cbam.ExportCbamReportAsync(new ExportCbamReportRequest
        {
            PeriodStart = At("2026-01-01T00:00:00Z"), PeriodEnd = At("2100-01-01T00:00:00Z"), CnCode = "72083900", Format = CbamReportFormat.Csv,
        });
        Assert.Equal("text/csv", csv.MediaType);
        var rows = csv.Content.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split(',')).ToList();
        var header = rows[0].ToList();
        Assert.Equal(["goods", "batch", "precursor", "precursor"], rows.Skip(1).Select(r => r[0]));
        var batchRow = rows[2];
        Assert.Equal(scenario.Subject("coil"), batchRow[header.IndexOf("batchId")]);
        Assert.StartsWith("1.228640555426345983710", batchRow[header.IndexOf("specificDirectEmbeddedEmissions")]);
        Assert.Equal("mixed", batchRow[header.IndexOf("typeOfDetermination")]);

        // A supplier sees only goods within its lineage reach: the mill its coil, the smelter its pig iron (it produced
        // both and shipped the pig iron), the mine neither; a supplier outside the chain sees nothing.
        Assert.Equal(1u, (await ExportAsSupplierAsync(scenario.Signer("mill").Key, "72083900")).GoodsItems);
        Assert.Equal(1u, (await ExportAsSupplierAsync(scenario.Signer("smelter").Key, "72011011")).GoodsItems);
        Assert.Equal(0u, (await ExportAsSupplierAsync(scenario.Signer("mine").Key, "72083900")).GoodsItems);
        using var outsider = Trace.Crypto.EthereumKey.Generate();
        await node.RegisterAsync(outsider.Address, Trace.Chain.Contracts.Registries.ParticipantRoles.Supplier);
        var nothing = await ExportAsSupplierAsync(outsider, "72083900");
        Assert.Equal((0u, 0u), (nothing.GoodsItems, nothing.Batches));
        Assert.Empty(JsonDocument.Parse(nothing.Content).RootElement.GetProperty("cbamGoodsImported").EnumerateArray());
    }

    /// <summary>The coil-period report of <paramref name="cnCode"/>, called signed in as the supplier owning <paramref name="key"/>.</summary>
    private async Task<ExportCbamReportResponse> ExportAsSupplierAsync(Trace.Crypto.EthereumKey key, string cnCode)
    {
        var token = (await Trace.Client.Access.SignInClient.SignInAsync(node.Api.RawChannel.CreateCallInvoker(), key)).AccessToken;
        var supplier = new CbamService.CbamServiceClient(node.Api.RawChannel);
        return await supplier.ExportCbamReportAsync(new ExportCbamReportRequest
        {
            PeriodStart = At("2026-01-01T00:00:00Z"), PeriodEnd = At("2100-01-01T00:00:00Z"), CnCode = cnCode, Format = CbamReportFormat.Json,
        }, new Metadata { { "authorization", $"Bearer {token}" } });
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_refused_naming_the_field()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Cbam.ExportCbamReportAsync(new ExportCbamReportRequest
        {
            PeriodStart = At("2026-10-01T00:00:00Z"), PeriodEnd = At("2026-07-01T00:00:00Z"), Format = CbamReportFormat.Json,
        }));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.StartsWith("period_end: ", ex.Status.Detail);

        var cn = await Assert.ThrowsAsync<RpcException>(async () => await Cbam.ExportCbamReportAsync(new ExportCbamReportRequest
        {
            PeriodStart = At("2026-10-01T00:00:00Z"), PeriodEnd = At("2027-01-01T00:00:00Z"), CnCode = "7208", Format = CbamReportFormat.Csv,
        }));
        Assert.StartsWith("cn_code: ", cn.Status.Detail);
    }

    /// <summary>A decimal member rounded half-even to 20 decimal places, in plain notation.</summary>
    private static string Round(JsonElement element, string member) =>
        Math.Round(decimal.Parse(element.GetProperty(member).GetString()!, CultureInfo.InvariantCulture), 20, MidpointRounding.ToEven)
            .ToString("0.00000000000000000000", CultureInfo.InvariantCulture);
}
