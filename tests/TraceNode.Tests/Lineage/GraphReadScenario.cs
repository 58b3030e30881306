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
}
