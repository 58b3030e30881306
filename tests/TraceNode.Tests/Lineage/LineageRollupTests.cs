using Trace.Domain;
using Trace.Domain.Lineage;
using Trace.Node.Carbon.Footprint;
using Trace.Node.Tests.Storage;
using static Trace.Node.Tests.Lineage.Build;

namespace Trace.Node.Tests.Lineage;

/// <summary>The roll-up through the real intake and store (SQLite): a hand-computed chain, corrections and withdrawals.</summary>
public sealed class LineageRollupTests : IAsyncLifetime
{
    private readonly LineageHarness _node = new();
    private readonly Crypto.EthereumAddress _mine = Claims.RandomIssuer(), _smelter = Claims.RandomIssuer(), _mill = Claims.RandomIssuer();

    public Task InitializeAsync() => _node.InitializeAsync();

    public Task DisposeAsync() => _node.DisposeAsync();

    private sealed record Chain(string Ore, string Pig, string Coil, string Slag, string T1Record, string EnergyReport);

    // Mine: ORE 2000 t, own s1 100,000 (measured) + s2 20,000 (calculated)             F(ORE)  = 120,000
    // S1: 1,600 t ORE by rail, 500 km, default factor 0.025: E = 500 × 1600 × 0.025 = 20,000;  U(S1) = 12.5
    // T1 (smelter): 1,600 t ORE via S1 → PIG 1,000 t; process s1 1,500,000 (measured), s2 200,000 (calculated)
    //   Total(T1) = 1,700,000 + 1600 × 120,000 / 2000 + 1600 × 12.5 = 1,700,000 + 96,000 + 20,000 = 1,816,000 = F(PIG)
    // S2: 1,000 t PIG by sea, measured 5,000 kg: U(S2) = 5
    // SCRAP 500 t at the mill, own s1 10,000 (default factor)                           F(SCRAP) = 10,000
    // T2 (mill): PIG 1,000 t via S2 + SCRAP 500 t → COIL 1,200 t + SLAG 300 t (mass), process s1 400,000 (measured)
    //   Total(T2) = 400,000 + 1000 × 1,816,000 / 1000 + 1000 × 5 + 500 × 10,000 / 500 = 2,231,000
    //   F(COIL) = 1,200,000 × 2,231,000 / 1,500,000 = 1,784,800;  F(SLAG) = 300,000 × 2,231,000 / 1,500,000 = 446,200
    // Primary: P(ORE) 120,000; P(PIG) = 1,700,000 + 96,000 + 0 (default leg) = 1,796,000;
    //   P_T2 = 400,000 + 1,796,000 + 5,000 + 0 (scrap is default) = 2,201,000; P(COIL) = 1,200,000 × 2,201,000 / 1,500,000 = 1,760,800
    private async Task<Chain> BuildChainAsync()
    {
        var energy = await _node.EvidenceAsync(_smelter);
        await _node.SubmitAsync(Batch("urn:ore", Tonnes(2000), Measured(100_000), Calculated(20_000)), _mine);
        await _node.SubmitAsync(Shipment("urn:s1", "urn:ore", Tonnes(1600), _mine.ToString(), _smelter.ToString(), [Leg(TransportMode.Rail, 500)]), _mine);
        await _node.SubmitAsync(Batch("urn:pig", Tonnes(1000)), _smelter);
        var t1 = await _node.SubmitAsync(Transformation("urn:t1", [In("urn:ore", Tonnes(1600), "urn:s1")], [Out("urn:pig", Tonnes(1000))],
            Measured(1_500_000), Calculated(200_000, energy)), _smelter);
        await _node.SubmitAsync(Shipment("urn:s2", "urn:pig", Tonnes(1000), _smelter.ToString(), _mill.ToString(), [Leg(TransportMode.Sea, 19_800, Measured(5_000))]), _smelter);
        await _node.SubmitAsync(Batch("urn:scrap", Tonnes(500), Default(10_000)), _mill);
        await _node.SubmitAsync(Batch("urn:coil", Tonnes(1200)), _mill);
        await _node.SubmitAsync(Batch("urn:slag", Tonnes(300)), _mill);
        await _node.SubmitAsync(Transformation("urn:t2", [In("urn:pig", Tonnes(1000), "urn:s2"), In("urn:scrap", Tonnes(500))],
            [Out("urn:coil", Tonnes(1200)), Out("urn:slag", Tonnes(300))], Measured(400_000)), _mill);
        return new Chain("urn:ore", "urn:pig", "urn:coil", "urn:slag", t1, energy);
    }

    [Fact]
    public async Task A_multi_step_chain_rolls_up_to_the_hand_computed_figures()
    {
        await BuildChainAsync();

        var ore = await _node.FootprintAsync("urn:ore");
        var pig = await _node.FootprintAsync("urn:pig");
        var coil = await _node.FootprintAsync("urn:coil");
        var slag = await _node.FootprintAsync("urn:slag");

        Assert.Equal(120_000m, ore.Total);
        Assert.Equal(1_816_000m, pig.Total);
        Assert.Equal(1_784_800m, coil.Total);
        Assert.Equal(446_200m, slag.Total);
        Assert.Equal(1_784_800m / 1_200m, coil.PerUnit);
        Assert.Equal(1_796_000m, pig.Primary);
        Assert.Equal(1_760_800m, coil.Primary);
        Assert.Equal(0m, coil.Verified); // nothing is CONFIRMED yet
        Assert.Equal(coil.Total, coil.Breakdown.Sum(c => c.KgCo2e));
        // By scope for the mill: scope 1 = 0.8 × 400,000; scope 3 = 0.8 × (1,816,000 + 5,000 + 10,000)
        Assert.Equal(320_000m, coil.Scope1);
        Assert.Equal(1_464_800m, coil.Scope3);
        var rail = Assert.Single((await _node.FootprintAsync("urn:pig")).Breakdown, c => c.Stage == FootprintStage.TransportLeg);
        Assert.Equal((20_000m, "test-factors-1", 0.025m, 1600m), (rail.KgCo2e, rail.FactorSetVersion, rail.FactorKgCo2ePerTonneKm!.Value, rail.CargoTonnes!.Value));
        Assert.Equal(["test-factors-1"], coil.FactorSetVersions);
    }

    [Fact]
    public async Task A_chain_committed_in_one_group_outputs_first_rolls_up_in_dependency_order()
    {
        // The same chain as above, queued at once with every output batch declared before what it is made of: the
        // writer recomputes the group's footprints once, after its last record, so the order must come from the graph.
        var energy = await _node.EvidenceAsync(_smelter);
        await _node.SubmitTogetherAsync(
            (Batch("urn:coil", Tonnes(1200)), _mill),
            (Batch("urn:slag", Tonnes(300)), _mill),
            (Batch("urn:pig", Tonnes(1000)), _smelter),
            (Batch("urn:scrap", Tonnes(500), Default(10_000)), _mill),
            (Batch("urn:ore", Tonnes(2000), Measured(100_000), Calculated(20_000)), _mine),
            (Shipment("urn:s1", "urn:ore", Tonnes(1600), _mine.ToString(), _smelter.ToString(), [Leg(TransportMode.Rail, 500)]), _mine),
            (Transformation("urn:t1", [In("urn:ore", Tonnes(1600), "urn:s1")], [Out("urn:pig", Tonnes(1000))], Measured(1_500_000), Calculated(200_000, energy)), _smelter),
            (Shipment("urn:s2", "urn:pig", Tonnes(1000), _smelter.ToString(), _mill.ToString(), [Leg(TransportMode.Sea, 19_800, Measured(5_000))]), _smelter),
            (Transformation("urn:t2", [In("urn:pig", Tonnes(1000), "urn:s2"), In("urn:scrap", Tonnes(500))],
                [Out("urn:coil", Tonnes(1200)), Out("urn:slag", Tonnes(300))], Measured(400_000)), _mill));

        Assert.Equal(120_000m, (await _node.FootprintAsync("urn:ore")).Total);
        Assert.Equal(1_816_000m, (await _node.FootprintAsync("urn:pig")).Total);
        var coil = await _node.FootprintAsync("urn:coil");
        Assert.Equal(1_784_800m, coil.Total);
        Assert.Equal(1_760_800m, coil.Primary);
        Assert.Equal(446_200m, (await _node.FootprintAsync("urn:slag")).Total);
    }

    [Fact]
    public async Task Footprint_cites_every_record_it_used_upstream_when_asked()
    {
        var chain = await BuildChainAsync();

        var coil = await _node.FootprintAsync("urn:coil", upstream: true);

        var cited = coil.Citations.Select(c => c.RecordId).ToHashSet();
        Assert.Contains(chain.T1Record, cited);
        Assert.Contains(chain.EnergyReport, cited);
        Assert.Equal(8, coil.Citations.Count(c => c.Role is "Batch" or "Transformation" or "Shipment")); // coil, pig, scrap, ore; t1, t2; s1, s2
        Assert.All(coil.Citations, c => Assert.Equal(RecordStatus.Pending, c.Status));
    }

    [Fact]
    public async Task Superseding_the_smelter_transformation_changes_every_downstream_figure()
    {
        var chain = await BuildChainAsync();

        // Corrected process scope 1: 1,400,000. Total(T1) = 1,600,000 + 96,000 + 20,000 = 1,716,000 = F(PIG)
        // Total(T2) = 400,000 + 1,716,000 + 5,000 + 10,000 = 2,131,000; F(COIL) = 0.8 × 2,131,000 = 1,704,800; F(SLAG) = 426,200
        await _node.SubmitAsync(Transformation("urn:t1", [In("urn:ore", Tonnes(1600), "urn:s1")], [Out("urn:pig", Tonnes(1000))],
            Measured(1_400_000), Calculated(200_000, chain.EnergyReport), supersedes: chain.T1Record), _smelter);

        Assert.Equal(1_716_000m, (await _node.FootprintAsync("urn:pig")).Total);
        Assert.Equal(1_704_800m, (await _node.FootprintAsync("urn:coil")).Total);
        Assert.Equal(426_200m, (await _node.FootprintAsync("urn:slag")).Total);
        Assert.Equal(1600m, (await _node.FootprintAsync("urn:ore")).Consumed); // the correction released and re-took the ore
    }

    [Fact]
    public async Task Revoking_the_smelter_energy_report_marks_every_downstream_figure_naming_it()
    {
        var chain = await BuildChainAsync();
        await _node.ProjectAsync();
        Assert.False((await _node.FootprintAsync("urn:coil")).Withdrawn.Count > 0);

        await _node.Store.ApplyRevocationAsync(chain.EnergyReport, new RecordRevocation(_node.Clock.GetUtcNow(), 42, new byte[32], null), CancellationToken.None);
        await _node.ProjectAsync();
        foreach (var batch in new[] { "urn:pig", "urn:coil", "urn:slag" })
        {
            var footprint = await _node.FootprintAsync(batch);
            var mark = Assert.Single(footprint.Withdrawn);
            Assert.Equal((chain.EnergyReport, "Revoked", "urn:pig"), (mark.RecordId, mark.Reason, mark.ViaBatchId));
        }
        Assert.Empty((await _node.FootprintAsync("urn:ore")).Withdrawn);
        Assert.Equal(1_784_800m, (await _node.FootprintAsync("urn:coil")).Total); // figures kept, marked
    }

    [Fact]
    public async Task Confirmed_records_become_the_verified_part()
    {
        await _node.SubmitAsync(Batch("urn:ore", Tonnes(2000), Measured(100_000), Calculated(20_000)), _mine);
        var batch = (await _node.Store.CreateBatchAsync(100, Claims.FakeTree, CancellationToken.None))!;
        await _node.Store.MarkBatchSendingAsync(batch.Id, 1, Crypto.Keccak256.HashUtf8("tx"), [0x02], CancellationToken.None);
        await _node.Store.MarkBatchSentAsync(batch.Id, Crypto.Keccak256.HashUtf8("tx"), CancellationToken.None);
        await _node.Store.MarkBatchMinedAsync(batch.Id, Crypto.Keccak256.HashUtf8("tx"), 9, Crypto.Keccak256.HashUtf8("b"), _node.Clock.GetUtcNow(), CancellationToken.None);
        await _node.Store.MarkBatchConfirmedAsync(batch.Id, CancellationToken.None);

        await _node.ProjectAsync();

        var ore = await _node.FootprintAsync("urn:ore");
        Assert.Equal(120_000m, ore.Verified);
        Assert.Equal("Verified", Assert.Single(ore.Citations).Standing);
    }

    [Fact]
    public async Task Adding_a_transformation_reads_only_its_inputs_materialised_figures()
    {
        await BuildChainAsync();
        await _node.SubmitAsync(Batch("urn:part", Tonnes(100)), _mill);

        // PART from 100 t of COIL: 100 × 1,784,800 / 1,200 = 148,733.333… (products before divisions)
        await _node.SubmitAsync(Transformation("urn:t3", [In("urn:coil", Tonnes(100))], [Out("urn:part", Tonnes(100))]), _mill);

        Assert.Equal(100m * 1_784_800m / 1_200m, (await _node.FootprintAsync("urn:part")).Total);
    }

    [Fact]
    public Task Upstream_and_downstream_answers_match_the_hand_computed_chain() => GraphReadScenario.ReadsBothWaysAsync(_node, _mine, _smelter);

    [Fact]
    public Task An_upstream_walk_through_levels_of_300_batches_lists_every_node_edge_and_contribution_in_id_order() =>
        GraphReadScenario.ReadsWideLevelsWholeAsync(_node, _mill);
}
