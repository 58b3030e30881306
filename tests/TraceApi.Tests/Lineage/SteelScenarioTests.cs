using System.Globalization;
using Trace.Api.Tests.Evidence;
using Trace.Protos.V1;
using Xunit.Abstractions;
using static Trace.Api.Tests.Lineage.SteelScenarioFigures;

namespace Trace.Api.Tests.Lineage;

/// <summary>
/// Issue 12's acceptance scenario, end to end over gRPC against a real node (Anvil, SQLite): iron ore (mine) → pig iron
/// (smelter) → steel coil and billet (mill, with scrap, mass allocation) → door panels and press scrap (parts maker,
/// economic allocation), a rail leg by default factor, a measured sea leg with a customs certificate, a delivery with no
/// legs. Every figure is compared with the hand calculation (scenario/compute.py, copied into
/// <see cref="SteelScenarioFigures"/>): exact figures ("=") to the last digit, non-terminating ones ("~") within
/// <see cref="KgTolerance"/> kgCO2e (the outside checker's tolerance), shares within <see cref="ShareTolerance"/>.
/// </summary>
public sealed class SteelScenarioTests(SteelScenarioNode node, ITestOutputHelper output) : IClassFixture<SteelScenarioNode>
{
    // The largest distance seen between a non-terminating figure and its exact value, reported at the end (how far
    // inside the tolerance the node's decimal arithmetic is).
    private static decimal _largestDeviation;

    /// <summary>kgCO2e (and kgCO2e per unit) tolerance for figures whose exact value does not terminate.</summary>
    public const decimal KgTolerance = 0.000001m;

    /// <summary>Tolerance for shares (allocation, primary, verified), which are ratios of two decimals.</summary>
    public const decimal ShareTolerance = 0.000000000001m;

    /// <summary>The version label of the scenario's factor set (docs/examples/steel-scenario/factors.json).</summary>
    private const string FactorSetVersion = "steel-scenario-1";

    private static readonly string[] Batches = ["ore", "pig-iron", "scrap", "coil", "billet", "door-panel", "press-scrap"];
    private static readonly string[] DownstreamOfSmelting = ["pig-iron", "coil", "billet", "door-panel", "press-scrap"];

    private LineageService.LineageServiceClient Lineage => new(node.Api.Channel);

    [Fact]
    public async Task Every_footprint_of_the_steel_chain_matches_the_hand_calculation_through_a_correction_and_a_revocation()
    {
        var scenario = new SteelScenario(node);
        await scenario.RegisterParticipantsAsync();
        await scenario.SubmitStepsAsync();

        // Figures are materialised on acceptance: the door panels' total is right before anything is anchored.
        AssertFigure("door-panel total before anchoring", Original["door-panel"].Total, (await FootprintAsync(scenario, "door-panel")).TotalKgCo2E, KgTolerance);

        await scenario.WaitAllConfirmedAsync();
        await EventuallyAsync(() => AssertStateAsync(scenario, Original, smelting: "smelting", revoked: false));
        await EventuallyAsync(() => AssertCitationsAsync(scenario, smelting: "smelting", revoked: false));
        await AssertUpstreamOfDoorPanelAsync(scenario, OriginalDoorPanelContributions, "smelting");
        await AssertDownstreamOfPigIronAsync(scenario);

        // The smelter corrects its transformation: the corrected record replaces the figures downstream at once...
        await scenario.SubmitCorrectionAsync();
        foreach (var batch in Batches)
            AssertFigure($"{batch} total right after the correction", Corrected[batch].Total, (await FootprintAsync(scenario, batch)).TotalKgCo2E, KgTolerance);
        foreach (var batch in DownstreamOfSmelting)
            Assert.NotEqual(decimal.Parse(Original[batch].Total[1..], CultureInfo.InvariantCulture), decimal.Parse(Corrected[batch].Total[1..], CultureInfo.InvariantCulture));
        // ...and relays the supersession on chain: the old record is SUPERSEDED, with its correction in the lineage, so nothing is marked.
        await node.Evidence.WaitForStatusAsync(scenario.RecordId("smelting-corrected"), RecordStatus.Confirmed, TimeSpan.FromSeconds(120));
        await scenario.RelaySupersessionAsync("smelter", "smelting", "smelting-corrected");
        await EventuallyAsync(() => AssertStateAsync(scenario, Corrected, smelting: "smelting-corrected", revoked: false));
        await EventuallyAsync(() => AssertCitationsAsync(scenario, smelting: "smelting-corrected", revoked: false));
        await AssertUpstreamOfDoorPanelAsync(scenario, CorrectedDoorPanelContributions, "smelting-corrected");

        // The smelter revokes its energy report: figures stay, every footprint downstream of it is marked, naming it,
        // and the smelting scope 2 figure that cites it no longer counts as verified.
        await scenario.RelayRevocationAsync("smelter", "energy-report");
        await EventuallyAsync(() => AssertStateAsync(scenario, EnergyReportRevoked, smelting: "smelting-corrected", revoked: true));
        await EventuallyAsync(() => AssertCitationsAsync(scenario, smelting: "smelting-corrected", revoked: true));
        await AssertUpstreamOfDoorPanelAsync(scenario, EnergyReportRevokedDoorPanelContributions, "smelting-corrected");
        output.WriteLine($"largest deviation of a non-terminating figure from the exact rational: {_largestDeviation} (tolerance {KgTolerance})");
    }

    private async Task<Footprint> FootprintAsync(SteelScenario scenario, string batch, bool upstreamCitations = false) =>
        (await Lineage.GetFootprintAsync(new GetFootprintRequest { BatchId = scenario.Subject(batch), IncludeUpstreamCitations = upstreamCitations })).Footprint;

    /// <summary>Every batch's footprint against <paramref name="state"/>: figures, breakdown, scopes, marks.</summary>
    private async Task AssertStateAsync(SteelScenario scenario, IReadOnlyDictionary<string, BatchFigures> state, string smelting, bool revoked)
    {
        foreach (var batch in Batches)
        {
            var expected = state[batch];
            var f = await FootprintAsync(scenario, batch);
            var at = batch + ": ";
            Assert.Equal(scenario.Subject(batch), f.BatchId);
            Assert.Equal(scenario.RecordId(batch), f.BatchRecordId);
            Assert.Equal(FootprintBasis.Computed, f.Basis);
            Assert.Equal(expected.Unit, f.Quantity.Unit);
            AssertFigure(at + "quantity", "=" + expected.Quantity, f.Quantity.Amount, 0m);
            AssertFigure(at + "total", expected.Total, f.TotalKgCo2E, KgTolerance);
            AssertFigure(at + "per unit", expected.PerUnit, f.KgCo2EPerUnit, KgTolerance);
            AssertFigure(at + "primary", expected.Primary, f.PrimaryKgCo2E, KgTolerance);
            AssertFigure(at + "primary share", expected.PrimaryShare, f.PrimaryShare, ShareTolerance);
            AssertFigure(at + "verified", expected.Verified, f.VerifiedKgCo2E, KgTolerance);
            AssertFigure(at + "verified share", expected.VerifiedShare, f.VerifiedShare, ShareTolerance);
            AssertFigure(at + "scope 1", expected.Scope1, f.ByScope.Scope1KgCo2E, KgTolerance);
            AssertFigure(at + "scope 2", expected.Scope2, f.ByScope.Scope2KgCo2E, KgTolerance);
            AssertFigure(at + "scope 3", expected.Scope3, f.ByScope.Scope3KgCo2E, KgTolerance);
            AssertFigure(at + "declared", "=0", f.ByScope.DeclaredKgCo2E is "" ? "0" : f.ByScope.DeclaredKgCo2E, 0m); // computed, not declared
            AssertBreakdown(scenario, batch, expected, f, smelting, revoked);

            // Transport not reported: the coil delivery has no legs; it is an input shipment of the stamping outputs only.
            if (batch is "door-panel" or "press-scrap")
            {
                var missing = Assert.Single(f.TransportNotReported);
                Assert.Equal(scenario.Subject("coil-delivery"), missing.ShipmentId);
                Assert.Equal(scenario.RecordId("coil-delivery"), missing.ShipmentRecordId);
                Assert.Equal(scenario.Subject("coil"), missing.BatchId);
            }
            else Assert.Empty(f.TransportNotReported);
            Assert.False(f.TransportNotReportedUpstream, at + "no upstream shipment without legs beyond its own inputs");

            // The rail leg's default factor comes from the pinned set, named by version wherever it is embedded.
            Assert.Equal(batch is "ore" or "scrap" ? [] : new[] { FactorSetVersion }, f.FactorSetVersions.ToArray());

            // Withdrawn marks: only the revoked energy report, on every footprint downstream of the smelting that cites it.
            var marked = revoked && DownstreamOfSmelting.Contains(batch);
            Assert.Equal(marked, f.RestsOnWithdrawnEvidence);
            if (marked)
            {
                var withdrawn = Assert.Single(f.WithdrawnEvidence);
                Assert.Equal(scenario.RecordId("energy-report"), withdrawn.RecordId);
                Assert.Equal(RecordKind.EnergyReading, withdrawn.Kind);
                Assert.Equal(WithdrawalReason.Revoked, withdrawn.Reason);
                Assert.Equal(scenario.Subject("pig-iron"), withdrawn.ViaBatchId);
            }
            else Assert.Empty(f.WithdrawnEvidence);
        }
    }

    private static void AssertBreakdown(SteelScenario scenario, string batch, BatchFigures expected, Footprint f, string smelting, bool revoked)
    {
        var remaining = f.Breakdown.ToList();
        foreach (var want in expected.Breakdown)
        {
            var at = $"{batch}: {want.Stage} {want.Of}: ";
            var found = remaining.Where(c => c.Stage == want.Stage && want.Stage switch
            {
                FootprintStage.Input => c.InputBatchId == scenario.Subject(want.Of),
                FootprintStage.TransportLeg => c.LegShipmentId == scenario.Subject(want.Of),
                _ => true,
            }).ToList();
            Assert.True(found.Count == 1, at + $"expected one such component, found {found.Count}");
            var c = found[0];
            remaining.Remove(c);
            AssertFigure(at + "kgCO2e", want.Kg, c.KgCo2E, KgTolerance);
            AssertFigure(at + "primary", want.Primary, c.PrimaryKgCo2E, KgTolerance);
            AssertFigure(at + "verified", want.Verified, c.VerifiedKgCo2E, KgTolerance);
            if (want.Share != "") AssertFigure(at + "allocation share", want.Share, c.AllocationShare, ShareTolerance);

            var producedBy = batch switch
            {
                "pig-iron" => smelting,
                "coil" or "billet" => "steelmaking",
                "door-panel" or "press-scrap" => "stamping",
                _ => null,
            };
            switch (want.Stage)
            {
                case FootprintStage.OwnScope1 or FootprintStage.OwnScope2:
                    Assert.Equal(scenario.RecordId(batch), c.RecordId);
                    break;
                case FootprintStage.ProcessScope1 or FootprintStage.ProcessScope2 or FootprintStage.Input:
                    Assert.Equal(scenario.RecordId(producedBy!), c.RecordId);
                    Assert.Equal(scenario.Subject(producedBy!), c.TransformationId);
                    break;
                case FootprintStage.TransportLeg:
                    Assert.Equal(scenario.RecordId(want.Of), c.RecordId);
                    Assert.Equal(scenario.Subject(producedBy!), c.TransformationId);
                    break;
            }
            Assert.Equal(MethodOf(batch, want), c.Method);

            // The scope 2 figure of the smelting cites the energy report; it is the one component marked once that is revoked.
            var citesEnergyReport = batch == "pig-iron" && want.Stage == FootprintStage.ProcessScope2;
            Assert.Equal(citesEnergyReport ? [scenario.RecordId("energy-report")] : Array.Empty<string>(), c.Evidence.ToArray());
            var restsOnRevoked = revoked && (citesEnergyReport || (want.Stage == FootprintStage.Input && want.Of is "pig-iron" or "coil"));
            Assert.True(restsOnRevoked == c.Withdrawn, at + $"withdrawn should be {restsOnRevoked}");

            if (want.Stage == FootprintStage.TransportLeg && want.Of == "ore-rail")
            {
                Assert.Equal("rail", c.Mode);
                AssertFigure(at + "distance", "=892", c.DistanceKm, 0m);
                AssertFigure(at + "leg kgCO2e (892 km × 3012.5 t × 0.0187)", "=50249.705", c.LegKgCo2E, 0m);
                AssertFigure(at + "factor", "=0.0187", c.FactorKgCo2EPerTonneKm, 0m);
                AssertFigure(at + "cargo tonnes (3012500 KGM)", "=3012.5", c.CargoTonnes, 0m);
                AssertFigure(at + "shipment quantity", "=3000", c.ShipmentQuantity, 0m);
                Assert.Equal(FactorSetVersion, c.FactorSetVersion);
                Assert.Equal(scenario.Subject("ore-rail"), c.ShipmentId);
            }
            if (want.Stage == FootprintStage.TransportLeg && want.Of == "pig-iron-sea")
            {
                Assert.Equal("sea", c.Mode);
                AssertFigure(at + "distance", "=7630", c.DistanceKm, 0m);
                AssertFigure(at + "leg kgCO2e (measured)", "=43561.25", c.LegKgCo2E, 0m);
                AssertFigure(at + "shipment quantity", "=950", c.ShipmentQuantity, 0m);
                Assert.Equal("", c.FactorSetVersion);
                Assert.Equal(scenario.Subject("pig-iron-sea"), c.ShipmentId);
            }
            if (want.Stage == FootprintStage.Input)
                Assert.Equal(want.Of switch { "ore" => scenario.Subject("ore-rail"), "pig-iron" => scenario.Subject("pig-iron-sea"), "coil" => scenario.Subject("coil-delivery"), _ => "" }, c.ShipmentId);
        }
        // Nothing else contributes (a component of 0 kgCO2e for a scope the record leaves out would change no figure).
        Assert.All(remaining, c => Assert.True(decimal.Parse(c.KgCo2E, CultureInfo.InvariantCulture) == 0m, $"{batch}: unexpected component {c}"));
    }

    private static FigureMethod MethodOf(string batch, Component c) => (batch, c.Stage, c.Of) switch
    {
        (_, FootprintStage.Input, _) => FigureMethod.Unspecified,
        ("ore", FootprintStage.OwnScope1, _) => FigureMethod.Measured,
        ("ore", FootprintStage.OwnScope2, _) => FigureMethod.Calculated,
        ("scrap", FootprintStage.OwnScope1, _) => FigureMethod.DefaultFactor,
        (_, FootprintStage.TransportLeg, "ore-rail") => FigureMethod.DefaultFactor,
        (_, FootprintStage.TransportLeg, "pig-iron-sea") => FigureMethod.Measured,
        ("door-panel" or "press-scrap", FootprintStage.ProcessScope1, _) => FigureMethod.DefaultFactor,
        (_, FootprintStage.ProcessScope1, _) => FigureMethod.Measured,
        (_, FootprintStage.ProcessScope2, _) => FigureMethod.Calculated,
        _ => throw new InvalidOperationException($"no method stated for {batch} {c.Stage} {c.Of}"),
    };

    /// <summary>The footprint cites every record it used: its own (default) and the whole upstream lineage's (on request).</summary>
    private async Task AssertCitationsAsync(SteelScenario scenario, string smelting, bool revoked)
    {
        Dictionary<string, string[]> own = new()
        {
            ["ore"] = ["ore"],
            ["pig-iron"] = ["pig-iron", smelting, "ore-rail", "energy-report"],
            ["scrap"] = ["scrap"],
            ["coil"] = ["coil", "steelmaking", "pig-iron-sea", "customs-certificate"],
            ["billet"] = ["billet", "steelmaking", "pig-iron-sea", "customs-certificate"],
            ["door-panel"] = ["door-panel", "stamping", "coil-delivery"],
            ["press-scrap"] = ["press-scrap", "stamping", "coil-delivery"],
        };
        Dictionary<string, string[]> inputs = new()
        {
            ["ore"] = [], ["scrap"] = [], ["pig-iron"] = ["ore"], ["coil"] = ["pig-iron", "scrap"], ["billet"] = ["pig-iron", "scrap"],
            ["door-panel"] = ["coil"], ["press-scrap"] = ["coil"],
        };
        IEnumerable<string> Upstream(string batch) => own[batch].Concat(inputs[batch].SelectMany(Upstream));

        foreach (var batch in Batches)
        {
            foreach (var withUpstream in new[] { false, true })
            {
                var steps = (withUpstream ? Upstream(batch) : own[batch]).Distinct().ToArray();
                var f = await FootprintAsync(scenario, batch, withUpstream);
                var cited = f.Citations.Where(c => c.Role != CitationRole.FactorSet).ToList();
                var at = $"{batch} citations{(withUpstream ? " with upstream" : "")}: ";
                Assert.True(steps.Select(scenario.RecordId).Order().SequenceEqual(cited.Select(c => c.RecordId).Distinct().Order()),
                    at + $"expected {string.Join(", ", steps)}; got {string.Join(", ", cited.Select(c => scenario.RecordIds.FirstOrDefault(p => p.Value == c.RecordId).Key ?? c.RecordId))}");
                // The rail leg's factor set is cited wherever that leg's figure is used (pig iron's own; everything downstream with upstream).
                var usesRail = withUpstream ? steps.Contains("ore-rail") : batch == "pig-iron";
                Assert.Equal(usesRail ? 1 : 0, f.Citations.Where(c => c.Role == CitationRole.FactorSet).Select(c => c.RecordId).Distinct().Count());
                foreach (var c in cited)
                {
                    var step = scenario.RecordIds.Single(p => p.Value == c.RecordId).Key;
                    var (kind, role) = step switch
                    {
                        "ore" or "pig-iron" or "scrap" or "coil" or "billet" or "door-panel" or "press-scrap" => (RecordKind.Batch, CitationRole.Batch),
                        "smelting" or "smelting-corrected" or "steelmaking" or "stamping" => (RecordKind.Transformation, CitationRole.Transformation),
                        "ore-rail" or "pig-iron-sea" or "coil-delivery" => (RecordKind.Shipment, CitationRole.Shipment),
                        "energy-report" => (RecordKind.EnergyReading, CitationRole.EmissionEvidence),
                        "customs-certificate" => (RecordKind.CustomsEnvironmentalCertificate, CitationRole.CustomsCertificate),
                        _ => throw new InvalidOperationException(step),
                    };
                    Assert.Equal(kind, c.Kind);
                    Assert.Equal(role, c.Role);
                    Assert.Equal(RecordStatus.Confirmed, c.Status);
                    var withdrawn = revoked && step == "energy-report";
                    Assert.True((withdrawn ? LineageStanding.Withdrawn : LineageStanding.Verified) == c.Standing, at + $"{step} standing {c.Standing}");
                    Assert.Equal(withdrawn ? WithdrawalReason.Revoked : WithdrawalReason.Unspecified, c.WithdrawalReason);
                    // Primary: figures of measured/calculated data; false for default factors and for records without figures.
                    bool? primary = step switch
                    {
                        "ore" or "smelting" or "smelting-corrected" or "steelmaking" or "pig-iron-sea" => true,
                        "ore-rail" or "scrap" or "customs-certificate" or "pig-iron" or "coil" or "billet" or "door-panel" or "press-scrap" or "coil-delivery" => false,
                        _ => null, // the energy report (evidence of a calculated figure) and stamping (one default, one calculated figure): not stated
                    };
                    if (primary is { } p) Assert.True(p == c.Primary, at + $"{step} primary should be {p}");
                }
            }
        }
    }

    /// <summary>The door panels' upstream DAG: every batch they embed, each edge with quantity, shipment and share, and the contributions.</summary>
    private async Task AssertUpstreamOfDoorPanelAsync(SteelScenario scenario, IReadOnlyDictionary<string, string> contributions, string smelting)
    {
        var dag = await Lineage.GetUpstreamLineageAsync(new GetUpstreamLineageRequest { BatchId = scenario.Subject("door-panel") });
        Assert.False(dag.Truncated);
        Assert.Equal(scenario.Subject("door-panel"), dag.Nodes[0].BatchId);
        var depths = new Dictionary<string, int> { ["door-panel"] = 0, ["coil"] = 1, ["pig-iron"] = 2, ["scrap"] = 2, ["ore"] = 3 };
        Assert.Equal(depths.Keys.Select(scenario.Subject).Order(), dag.Nodes.Select(n => n.BatchId).Order());
        foreach (var (batch, depth) in depths)
        {
            var n = dag.Nodes.Single(x => x.BatchId == scenario.Subject(batch));
            Assert.Equal(depth, n.Depth);
            Assert.Equal(scenario.RecordId(batch), n.BatchRecordId);
            AssertFigure($"upstream {batch} contribution to the door panels", contributions[batch], n.ContributionKgCo2E, KgTolerance);
            Assert.Equal(batch == "door-panel", n.TransportNotReported);
        }
        var edges = dag.Edges.Select(e => (From: e.FromBatchId, To: e.ToBatchId, e.TransformationRecordId, e.Quantity.Amount, e.Quantity.Unit, e.ShipmentId)).Order().ToArray();
        var expectedEdges = new[]
        {
            (From: scenario.Subject("coil"), To: scenario.Subject("door-panel"), scenario.RecordId("stamping"), "180000", "KGM", scenario.Subject("coil-delivery")),
            (From: scenario.Subject("pig-iron"), To: scenario.Subject("coil"), scenario.RecordId("steelmaking"), "900", "TNE", scenario.Subject("pig-iron-sea")),
            (From: scenario.Subject("scrap"), To: scenario.Subject("coil"), scenario.RecordId("steelmaking"), "280", "TNE", ""),
            (From: scenario.Subject("ore"), To: scenario.Subject("pig-iron"), scenario.RecordId(smelting), smelting == "smelting" ? "1550000" : "1562.5", smelting == "smelting" ? "KGM" : "TNE", scenario.Subject("ore-rail")),
        }.Order().ToArray();
        Assert.Equal(expectedEdges, edges);
        foreach (var e in dag.Edges)
            AssertFigure($"edge {e.FromBatchId} share", e.ToBatchId == scenario.Subject("door-panel") ? "~0.99340621942400136129663504488" : e.ToBatchId == scenario.Subject("coil") ? "~0.925110132158590308370044052863" : "=1",
                e.AllocationShare, ShareTolerance);
    }

    /// <summary>Recall from the pig iron: the batches made from it and the shipments that carried them.</summary>
    private async Task AssertDownstreamOfPigIronAsync(SteelScenario scenario)
    {
        var down = await Lineage.GetDownstreamLineageAsync(new GetDownstreamLineageRequest { BatchId = scenario.Subject("pig-iron") });
        Assert.False(down.Truncated);
        Assert.Equal(scenario.Subject("pig-iron"), down.Nodes[0].BatchId);
        Assert.Equal(DownstreamOfSmelting.Select(scenario.Subject).Order(), down.Nodes.Select(n => n.BatchId).Order());
        Assert.Equal(new[] { "pig-iron-sea", "coil-delivery" }.Select(scenario.Subject).Order(), down.Shipments.Select(s => s.ShipmentId).Order());
        var sea = down.Shipments.Single(s => s.ShipmentId == scenario.Subject("pig-iron-sea"));
        Assert.Equal(1u, sea.LegCount);
        Assert.Equal(scenario.Signer("smelter").Address.ToString(), sea.FromParticipant);
        Assert.Equal(scenario.Signer("mill").Address.ToString(), sea.ToParticipant);
        Assert.Equal(0u, down.Shipments.Single(s => s.ShipmentId == scenario.Subject("coil-delivery")).LegCount);
    }

    /// <summary>
    /// Compares a figure the node returned with the hand calculation: "=v" must equal v exactly (as decimals: "1.50" equals
    /// "1.5"), "~v" within <paramref name="tolerance"/>.
    /// </summary>
    private static void AssertFigure(string what, string expected, string actual, decimal tolerance)
    {
        Assert.False(string.IsNullOrEmpty(actual), $"{what}: the node returned no figure, expected {expected}");
        var value = decimal.Parse(actual, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var want = decimal.Parse(expected[1..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (expected[0] == '=')
            Assert.True(value == want, $"{what}: expected exactly {expected[1..]}, got {actual}");
        else
        {
            // Only figures that pass count (a retry while the status feed catches up fails first); the expected value is
            // rounded to 20 decimals, so deviations below 1e-20 say nothing.
            if (tolerance == KgTolerance && Math.Abs(value - want) <= tolerance) _largestDeviation = Math.Max(_largestDeviation, Math.Abs(value - want));
            Assert.True(Math.Abs(value - want) <= tolerance, $"{what}: expected {expected[1..]} within {tolerance}, got {actual} (off by {value - want})");
        }
    }

    /// <summary>Retries <paramref name="assert"/> for up to a minute: the verified part and the marks follow the record status feed.</summary>
    private static async Task EventuallyAsync(Func<Task> assert)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await assert();
                return;
            }
            catch (Xunit.Sdk.XunitException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
            }
        }
    }
}
