using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Trace.Api.Tests.Evidence;
using Trace.Api.Tests.Lineage;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Decisions;

/// <summary>
/// CBAM cost scenarios over gRPC for the steel scenario's pig iron (iron ore → pig iron, CN 72011011, exported from
/// Brazil), against the hand calculation in exact rationals (scenario/cbam_cost.py, which runs no Trace code): actual
/// verified data against the test's own default values, two price scenarios, a carbon price paid at origin evidenced by
/// a record, and the verified part shrinking when the smelter revokes the energy report its scope 2 rests on.
/// Non-terminating figures are compared to 20 decimal places, the rational rounded half-even.
/// </summary>
public sealed class CbamCostTests(SteelScenarioNode node) : IClassFixture<SteelScenarioNode>
{
    private const string PigIronCn = "72011011";

    private CbamCostService.CbamCostServiceClient Costs => new(node.Api.Channel);

    [Fact]
    public async Task Verified_actual_data_against_default_values_under_two_prices_less_the_origin_price_matches_the_hand_computation()
    {
        var scenario = new SteelScenario(node);
        await scenario.RegisterParticipantsAsync();
        await scenario.SubmitStepsAsync();
        var pig = scenario.Subject("pig-iron");

        // The smelter's evidence of a carbon price paid in Brazil: a structured record of kind OTHER (docs/decisions.md).
        var smelter = scenario.Signer("smelter");
        var priceRecord = (await node.Evidence.SubmitRecordAsync(smelter.StructuredRecord("urn:trace:carbon-price-paid:smelter-slz-2:2026-11", RecordKind.Other,
            $$"""{"recordType":"trace.carbon-price-paid/v1","eurPerTonneCo2e":"5","country":"BR","batchId":"{{pig}}"}"""))).Record.Id;

        var request = new EstimateCbamCostRequest { BatchId = pig, OriginCarbonPriceRecordId = priceRecord };
        request.PricesEurPerTonne.AddRange(["80", "130"]);

        // No default value loaded yet for the CN code: the operator must load one first.
        var unloaded = await Assert.ThrowsAsync<RpcException>(async () => await Costs.EstimateCbamCostAsync(request));
        Assert.Equal(StatusCode.FailedPrecondition, unloaded.StatusCode);
        Assert.StartsWith("batch_id: no default value loaded for CN code 72011011", unloaded.Status.Detail, StringComparison.Ordinal);

        // The test's own table (Trace ships no default values): 1.9 direct + 0.35 indirect tCO2e/t, indirect priced.
        var table = new PutCbamDefaultValuesRequest();
        table.Values.Add(new CbamDefaultValue
        {
            CnCode = PigIronCn, DirectTCo2EPerTonne = "1.9", IndirectTCo2EPerTonne = "0.35", PriceIndirect = true,
            Source = "test table: hand-picked for this test, not an EU default value",
        });
        await Costs.PutCbamDefaultValuesAsync(table);

        await scenario.WaitAllConfirmedAsync();
        await node.Evidence.WaitForStatusAsync(priceRecord, RecordStatus.Confirmed, TimeSpan.FromSeconds(120));

        // cbam_cost.py, "all records confirmed": every figure of the pig iron is actual and verified, so w = a.
        var confirmed = await Costs.EstimateCbamCostAsync(request);
        Assert.Equal(PigIronCn, confirmed.CnCode);
        Assert.Equal("1000", confirmed.NetMassTonnes);
        Assert.Equal("1538.13098214285714285714", Round(confirmed.ActualTCo2E));        // 17227067/11200
        Assert.Equal("1538.13098214285714285714", Round(confirmed.VerifiedTCo2E));
        Assert.Equal("2250", confirmed.DefaultTCo2E);                                     // 1000 t × (1.9 + 0.35)
        Assert.Equal("1538.13098214285714285714", Round(confirmed.WithTraceDataTCo2E));
        Assert.Equal("1", confirmed.VerifiedShare);
        Assert.Equal((priceRecord, "5", "BR", "confirmed", true),
            (confirmed.OriginCarbonPrice.RecordId, confirmed.OriginCarbonPrice.EurPerTonne, confirmed.OriginCarbonPrice.Country, confirmed.OriginCarbonPrice.Status, confirmed.OriginCarbonPrice.Verified));
        Assert.Equal(
        [
            ("80", "5", "115359.82366071428571428571", "168750", "53390.17633928571428571429"),      // 51681201/448, 23918799/448
            ("130", "5", "192266.37276785714285714286", "281250", "88983.62723214285714285714"),     // 86135335/448, 39864665/448
        ], confirmed.Scenarios.Select(s => (s.PriceEurPerTonne, s.DeductionEurPerTonne, Round(s.CostWithTraceDataEur), s.CostWithDefaultsEur, Round(s.DifferenceEur))));
        // The same good asked by CN code, installation and period (its production ended 2026-11-30): the same figures.
        var byCode = new EstimateCbamCostRequest
        {
            CnCode = PigIronCn, InstallationId = "BR-INST-SLZ-2", OriginCarbonPriceRecordId = priceRecord,
            PeriodStart = Timestamp.FromDateTimeOffset(DateTimeOffset.Parse("2026-10-01T00:00:00Z", CultureInfo.InvariantCulture)),
            PeriodEnd = Timestamp.FromDateTimeOffset(DateTimeOffset.Parse("2027-01-01T00:00:00Z", CultureInfo.InvariantCulture)),
        };
        byCode.PricesEurPerTonne.AddRange(["80", "130"]);
        var coded = await Costs.EstimateCbamCostAsync(byCode);
        Assert.Equal(confirmed.Scenarios, coded.Scenarios);
        Assert.Equal(pig, Assert.Single(coded.Goods).BatchId);

        var good = Assert.Single(confirmed.Goods);
        Assert.Equal(pig, good.BatchId);
        Assert.Contains(good.Figures, f => f.Figure == "processScope2" && f.RecordId == scenario.RecordId("smelting") && f.VerificationStatus == "confirmed");

        // The smelter revokes its energy report: the smelting's scope 2 (95 t, which cites it) no longer rests on verified
        // evidence and is valued at default, as CBAM counts it (cbam_cost.py, "energy report revoked").
        await scenario.RelayRevocationAsync("smelter", "energy-report");
        var revoked = await PollAsync(request, r => r.VerifiedTCo2E != confirmed.VerifiedTCo2E);
        Assert.Equal("1443.13098214285714285714", Round(revoked.VerifiedTCo2E));         // 16163067/11200
        Assert.Equal("1538.13098214285714285714", Round(revoked.ActualTCo2E));
        Assert.Equal("1582.09834089289857475034", Round(revoked.WithTraceDataTCo2E));    // 305255038134489/192943150400
        Assert.Equal(
        [
            ("118657.37556696739310627531", "168750", "50092.62443303260689372469"),
            ("197762.29261161232184379218", "281250", "83487.70738838767815620782"),
        ], revoked.Scenarios.Select(s => (Round(s.CostWithTraceDataEur), s.CostWithDefaultsEur, Round(s.DifferenceEur))));
    }

    [Fact]
    public async Task Bad_cost_requests_are_refused_naming_the_field()
    {
        var both = new EstimateCbamCostRequest { BatchId = "urn:x:1", CnCode = PigIronCn };
        both.PricesEurPerTonne.Add("80");
        Assert.StartsWith("batch_id: ", (await Assert.ThrowsAsync<RpcException>(async () => await Costs.EstimateCbamCostAsync(both))).Status.Detail, StringComparison.Ordinal);

        var price = new EstimateCbamCostRequest { BatchId = "urn:x:1" };
        price.PricesEurPerTonne.Add("eighty");
        var bad = await Assert.ThrowsAsync<RpcException>(async () => await Costs.EstimateCbamCostAsync(price));
        Assert.Equal((StatusCode.InvalidArgument, true), (bad.StatusCode, bad.Status.Detail.StartsWith("prices_eur_per_tonne[0]: ", StringComparison.Ordinal)));

        var unknown = new EstimateCbamCostRequest { BatchId = "urn:trace:no-such-batch" };
        unknown.PricesEurPerTonne.Add("80");
        var missing = await Assert.ThrowsAsync<RpcException>(async () => await Costs.EstimateCbamCostAsync(unknown));
        Assert.Equal((StatusCode.NotFound, true), (missing.StatusCode, missing.Status.Detail.StartsWith("batch_id: ", StringComparison.Ordinal)));

        var uncited = new PutCbamDefaultValuesRequest();
        uncited.Values.Add(new CbamDefaultValue { CnCode = "72083900", DirectTCo2EPerTonne = "1.5" });
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await Costs.PutCbamDefaultValuesAsync(uncited));
        Assert.Equal((StatusCode.InvalidArgument, true), (refused.StatusCode, refused.Status.Detail.StartsWith("values[0].source: ", StringComparison.Ordinal)));
    }

    private async Task<EstimateCbamCostResponse> PollAsync(EstimateCbamCostRequest request, Func<EstimateCbamCostResponse, bool> until)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            var answer = await Costs.EstimateCbamCostAsync(request);
            if (until(answer)) return answer;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the estimate did not change: verified {answer.VerifiedTCo2E}");
            await Task.Delay(250);
        }
    }

    /// <summary>A decimal string rounded half-even to 20 decimal places, trailing zeros removed (as the node writes decimals).</summary>
    private static string Round(string value)
    {
        var rounded = Math.Round(decimal.Parse(value, CultureInfo.InvariantCulture), 20, MidpointRounding.ToEven).ToString(CultureInfo.InvariantCulture);
        return rounded.Contains('.', StringComparison.Ordinal) ? rounded.TrimEnd('0').TrimEnd('.') : rounded;
    }
}
