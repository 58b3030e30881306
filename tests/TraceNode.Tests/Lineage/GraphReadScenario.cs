using Trace.Crypto;
using Trace.Domain.Lineage;
using static Trace.Node.Tests.Lineage.Build;

namespace Trace.Node.Tests.Lineage;

/// <summary>
/// The upstream and downstream answers of a two-batch chain, hand-computed: run on each provider, since SQLite reads
/// the walk's rows straight from the statement and PostgreSQL through ADO.NET.
/// </summary>
internal static class GraphReadScenario
{
    // ORE 2,000 t, F = 120,000; S1 ships 1,600 t by rail, 500 km × 1,600 t × 0.025 = 20,000; T1 makes PIG 1,000 t from it,
    // process 1,700,000: F(PIG) = 1,700,000 + 1,600 × 120,000 / 2,000 + 20,000 = 1,816,000.
    // Upstream of PIG: k(ORE) = 1 × share 1 × 1,600 / 2,000 = 0.8, contribution 0.8 × 120,000 = 96,000.
    public static async Task ReadsBothWaysAsync(LineageHarness node, EthereumAddress mine, EthereumAddress smelter)
    {
        var oreRecord = await node.SubmitAsync(Batch("urn:ore", Tonnes(2000), Measured(100_000), Calculated(20_000)), mine);
        var shipmentRecord = await node.SubmitAsync(Shipment("urn:s1", "urn:ore", Tonnes(1600), mine.ToString(), smelter.ToString(), [Leg(TransportMode.Rail, 500)]), mine);
        var pigRecord = await node.SubmitAsync(Batch("urn:pig", Tonnes(1000)), smelter);
        var t1Record = await node.SubmitAsync(Transformation("urn:t1", [In("urn:ore", Tonnes(1600), "urn:s1")], [Out("urn:pig", Tonnes(1000))],
            Measured(1_500_000), Calculated(200_000)), smelter);

        var upstream = await node.Queries.GetUpstreamAsync("urn:pig", 10, 100, CancellationToken.None);
        Assert.NotNull(upstream);
        Assert.False(upstream.Truncated);
        Assert.Equal(["urn:pig", "urn:ore"], upstream.Nodes.Select(n => n.BatchId));
        var (pig, ore) = (upstream.Nodes[0], upstream.Nodes[1]);
        Assert.Equal((0, pigRecord, smelter.ToString(), 1000m, "TNE", 1_816_000m, 1_816_000m, "urn:t1"),
            (pig.Depth, pig.BatchRecordId, pig.Producer, pig.Quantity, pig.Unit, pig.Total, pig.Contribution, pig.ProducedBy));
        Assert.Equal((1, oreRecord, mine.ToString(), 2000m, 120_000m, 96_000m, (string?)null, false, false),
            (ore.Depth, ore.BatchRecordId, ore.Producer, ore.Quantity, ore.Total, ore.Contribution, ore.ProducedBy, ore.Declared, ore.RestsOnWithdrawn));
        var edge = Assert.Single(upstream.Edges);
        Assert.Equal(("urn:ore", "urn:pig", "urn:t1", t1Record, 1600m, "TNE", "urn:s1", 1m),
            (edge.FromBatchId, edge.ToBatchId, edge.TransformationId, edge.TransformationRecordId, edge.Amount, edge.Unit, edge.ShipmentId, edge.AllocationShare));

        var downstream = await node.Queries.GetDownstreamAsync("urn:ore", 10, 100, CancellationToken.None);
        Assert.NotNull(downstream);
        Assert.Equal(["urn:ore", "urn:pig"], downstream.Nodes.Select(n => n.BatchId));
        Assert.All(downstream.Nodes, n => Assert.Null(n.Contribution));
        Assert.Equal(edge, Assert.Single(downstream.Edges));
        var shipment = Assert.Single(downstream.Shipments);
        Assert.Equal(("urn:s1", shipmentRecord, "urn:ore", 1600m, 1), (shipment.ShipmentId, shipment.RecordId, shipment.BatchId, shipment.Amount, shipment.LegCount));

        Assert.Null(await node.Queries.GetUpstreamAsync("urn:nothing", 10, 100, CancellationToken.None));
    }

    // 300 raw batches R_i (10 t, F = 1,000 + i), each made into M_i (10 t) by its own transformation with 100 kg of process
    // emissions: F(M_i) = 1,100 + i. ROOT (1,500 t) takes 5 t of every M_i: F(ROOT) = Σ 0.5 × (1,100 + i) = 0.5 × (330,000
    // + 44,850) = 187,425. Upstream of ROOT: k(M_i) = 5 / 10 = 0.5 and k(R_i) = 0.5 × 10 / 10 = 0.5, so M_i contributes
    // 550 + i / 2 and R_i 500 + i / 2.
    /// <summary>
    /// An upstream walk whose levels hold 300 batches and 300 transformations, more than SQLite reads in one statement
    /// (<see cref="Trace.Node.Lineage.Queries.LineageLevelReader.SplitAt"/>): every node, edge and contribution is there, and each level lists
    /// its batches in the order of their ids, as one statement gives them.
    /// </summary>
    public static async Task ReadsWideLevelsWholeAsync(LineageHarness node, EthereumAddress maker)
    {
        const int width = 300;
        static int Key(int i) => i * 7919 % width; // a permutation of 0..299 (7,919 is prime to 300): ids out of submission order
        static string Raw(int i) => $"urn:wide:raw:{Key(i):D3}";
        static string Mid(int i) => $"urn:wide:mid:{Key(i):D3}";
        static string Step(int i) => $"urn:wide:t:{Key(i):D3}";
        var all = Enumerable.Range(0, width).ToList();
        await node.SubmitTogetherAsync([.. all.Select(i => ((LineageRecord)Batch(Raw(i), Tonnes(10), Measured(1000 + i)), maker))]);
        await node.SubmitTogetherAsync([.. all.Select(i => ((LineageRecord)Batch(Mid(i), Tonnes(10)), maker))]);
        await node.SubmitTogetherAsync([.. all.Select(i => ((LineageRecord)Transformation(Step(i), [In(Raw(i), Tonnes(10))], [Out(Mid(i), Tonnes(10))],
            Measured(100)), maker))]);
        await node.SubmitAsync(Batch("urn:wide:root", Tonnes(1500)), maker);
        await node.SubmitAsync(Transformation("urn:wide:t0", [.. all.Select(i => In(Mid(i), Tonnes(5)))], [Out("urn:wide:root", Tonnes(1500))]), maker);

        var upstream = await node.Queries.GetUpstreamAsync("urn:wide:root", 10, 1000, CancellationToken.None);

        Assert.NotNull(upstream);
        Assert.False(upstream.Truncated);
        Assert.Equal(1 + 2 * width, upstream.Nodes.Count);
        Assert.Equal(("urn:wide:root", 0, 187_425m, 187_425m), (upstream.Nodes[0].BatchId, upstream.Nodes[0].Depth, upstream.Nodes[0].Total, upstream.Nodes[0].Contribution));
        var ordinal = StringComparer.Ordinal;
        Assert.Equal(all.Select(Mid).Order(ordinal), upstream.Nodes.Skip(1).Take(width).Select(n => n.BatchId));
        Assert.Equal(all.Select(Raw).Order(ordinal), upstream.Nodes.Skip(1 + width).Select(n => n.BatchId));
        var byId = upstream.Nodes.ToDictionary(n => n.BatchId);
        foreach (var i in all)
        {
            Assert.Equal((1, 1_100m + i, 550m + i / 2m), (byId[Mid(i)].Depth, byId[Mid(i)].Total, byId[Mid(i)].Contribution));
            Assert.Equal((2, 1_000m + i, 500m + i / 2m), (byId[Raw(i)].Depth, byId[Raw(i)].Total, byId[Raw(i)].Contribution));
        }
        // Level 1 is t0's inputs in their positions; level 2 the 300 transformations' inputs in the order of the transformations' ids.
        Assert.Equal(all.Select(i => (Mid(i), "urn:wide:root", "urn:wide:t0", 5m, 1m)),
            upstream.Edges.Take(width).Select(e => (e.FromBatchId, e.ToBatchId, e.TransformationId, e.Amount, e.AllocationShare)));
        Assert.Equal(all.OrderBy(Step, ordinal).Select(i => (Raw(i), Mid(i), Step(i), 10m, 1m)),
            upstream.Edges.Skip(width).Select(e => (e.FromBatchId, e.ToBatchId, e.TransformationId, e.Amount, e.AllocationShare)));
    }
}
