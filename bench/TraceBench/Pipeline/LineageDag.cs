using System.Globalization;
using Trace.Client.Claims;
using Trace.Protos.V1;

namespace Trace.Bench.Pipeline;

/// <summary>
/// A synthetic upstream DAG for the lineage benchmark: <see cref="Depth"/> levels of batches, the root at depth 0, raw
/// batches (own scope 1 and 2) at the deepest level, every other batch the one output of a transformation consuming
/// 250 TNE of each of its inputs one level deeper. Level widths 1, 4, 50, then 585 for the remaining 17 levels
/// (10,000 batches): each batch of the wide levels feeds two batches above it (j consumes j and j+1), so the graph is a
/// DAG, not a tree, and every batch is upstream of the root. Levels are owned in bands of five by four participants;
/// an input crossing a band boundary arrives by a shipment (alternately a rail leg by default factor and a measured sea leg).
/// A smaller width for the wide levels gives the same shape at a smaller size (the benchmark's warm-up).
/// </summary>
internal sealed class LineageDag
{
    public const int Depth = 20;
    public const int Participants = 4;
    private const decimal BatchTonnes = 1000m;
    private const decimal ConsumedTonnes = 250m;

    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    /// <param name="wideWidth">Batches in each of the 17 wide levels: 585 gives the 10,000-batch graph.</param>
    public LineageDag(int wideWidth = 585)
    {
        Widths = [1, 4, 50, .. Enumerable.Repeat(wideWidth, Depth - 3)];
        Inputs = new int[Depth][][];
        for (var d = 0; d < Depth - 1; d++)
        {
            int above = Widths[d], below = Widths[d + 1];
            Inputs[d] = new int[above][];
            for (var j = 0; j < above; j++)
            {
                var lo = (int)((long)j * below / above);
                var hi = (int)((long)(j + 1) * below / above);
                Inputs[d][j] = [.. Enumerable.Range(lo, hi - lo + 1).Select(i => i % below).Distinct()];
            }
        }
        Inputs[Depth - 1] = [.. Enumerable.Range(0, Widths[Depth - 1]).Select(_ => Array.Empty<int>())];
    }

    /// <summary>Batches per level, root level first.</summary>
    public int[] Widths { get; }

    /// <summary>Inputs[d][j]: indexes (at depth d + 1) of the batches the transformation producing batch (d, j) consumes.</summary>
    public int[][][] Inputs { get; }

    /// <summary>Batches in the graph.</summary>
    public int BatchCount => Widths.Sum();

    /// <summary>Which participant produces the batches of depth <paramref name="d"/>.</summary>
    public static int OwnerOf(int d) => d * Participants / Depth;

    public string BatchId(int d, int j) => $"urn:trace:bench:{_run}:batch:{d}:{j}";
    public string TransformationId(int d, int j) => $"urn:trace:bench:{_run}:transformation:{d}:{j}";
    public string ShipmentId(int d, int j, int input) => $"urn:trace:bench:{_run}:shipment:{d}:{j}:{input}";

    /// <summary>True when the input <paramref name="input"/> of batch (d, j) arrives by a shipment (another owner).</summary>
    public static bool Shipped(int d) => OwnerOf(d) != OwnerOf(d + 1);

    /// <summary>The batch record of (d, j); raw batches (deepest level) state own scope 1 and 2.</summary>
    public RecordDraft Batch(int d, int j)
    {
        var emissions = d == Depth - 1
            ? ",\"emissions\":{\"scope1\":{\"kgCO2e\":\"1234.5\",\"method\":\"measured\"},\"scope2\":{\"kgCO2e\":\"321.25\",\"method\":\"calculated\"}}"
            : "";
        var id = BatchId(d, j);
        return new RecordDraft(id, RecordKind.Batch,
            $"{{\"recordType\":\"trace.batch/v1\",\"batchId\":\"{id}\",\"product\":{{\"name\":\"bench part {d}\"}},\"quantity\":{Tonnes(BatchTonnes)}{emissions}}}");
    }

    /// <summary>The shipment carrying input <paramref name="input"/> (at depth d + 1) to the producer of (d, j).</summary>
    public RecordDraft Shipment(int d, int j, int input, string from, string to)
    {
        var id = ShipmentId(d, j, input);
        var leg = (j + input) % 2 == 0
            ? "{\"mode\":\"rail\",\"distanceKm\":\"300\"}"
            : "{\"mode\":\"sea\",\"distanceKm\":\"1200\",\"kgCO2e\":\"2940.75\",\"method\":\"measured\"}";
        return new RecordDraft(id, RecordKind.Shipment,
            $"{{\"recordType\":\"trace.shipment/v1\",\"shipmentId\":\"{id}\",\"batchId\":\"{BatchId(d + 1, input)}\",\"quantity\":{Tonnes(ConsumedTonnes)}," +
            $"\"from\":{{\"participant\":\"{from}\"}},\"to\":{{\"participant\":\"{to}\"}},\"legs\":[{leg}]}}");
    }

    /// <summary>The transformation producing (d, j) from its inputs.</summary>
    public RecordDraft Transformation(int d, int j)
    {
        var inputs = string.Join(",", Inputs[d][j].Select(i =>
            $"{{\"batchId\":\"{BatchId(d + 1, i)}\",\"quantity\":{Tonnes(ConsumedTonnes)}{(Shipped(d) ? $",\"shipmentId\":\"{ShipmentId(d, j, i)}\"" : "")}}}"));
        return Transformation(TransformationId(d, j), inputs, BatchId(d, j), BatchTonnes);
    }

    /// <summary>A transformation consuming <paramref name="inputsJson"/> into one output batch.</summary>
    public static RecordDraft Transformation(string id, string inputsJson, string output, decimal outputTonnes) =>
        new(id, RecordKind.Transformation,
            $"{{\"recordType\":\"trace.transformation/v1\",\"transformationId\":\"{id}\",\"inputs\":[{inputsJson}]," +
            $"\"outputs\":[{{\"batchId\":\"{output}\",\"quantity\":{Tonnes(outputTonnes)}}}],\"allocation\":\"mass\"," +
            "\"emissions\":{\"scope1\":{\"kgCO2e\":\"500.5\",\"method\":\"measured\"},\"scope2\":{\"kgCO2e\":\"120\",\"method\":\"calculated\"}}}");

    public static string Tonnes(decimal amount) => $"{{\"amount\":\"{amount.ToString(CultureInfo.InvariantCulture)}\",\"unit\":\"TNE\"}}";

    /// <summary>Batches upstream of (d, j), itself included (a breadth-first walk of <see cref="Inputs"/>).</summary>
    public int UpstreamSize(int d, int j)
    {
        var seen = new HashSet<(int, int)> { (d, j) };
        var frontier = new List<(int D, int J)> { (d, j) };
        while (frontier.Count > 0)
        {
            var next = new List<(int, int)>();
            foreach (var (fd, fj) in frontier)
                foreach (var i in Inputs[fd][fj])
                    if (seen.Add((fd + 1, i))) next.Add((fd + 1, i));
            frontier = next;
        }
        return seen.Count;
    }
}
