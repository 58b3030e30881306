using System.Globalization;
using System.Text;
using Trace.Domain.Identifiers;
using Trace.Protos.V1;
using static Trace.Api.Provenance.Html;

namespace Trace.Api.Provenance;

/// <summary>
/// The upstream lineage as server-rendered SVG: the product on top, the batches it was made from one row down per
/// production step, an arrow per transformation input. A batch with a GS1 lot links to its own provenance page.
/// </summary>
internal static class LineageGraphSvg
{
    private const int BoxWidth = 230, BoxHeight = 74, ColumnGap = 24, RowGap = 56, Margin = 8;

    public static string Render(GetUpstreamLineageResponse lineage, IReadOnlyDictionary<string, Organisation> organisations)
    {
        var rows = lineage.Nodes.GroupBy(n => n.Depth).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        var columns = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.Count));
        var width = Margin * 2 + columns * BoxWidth + (columns - 1) * ColumnGap;
        var height = Margin * 2 + rows.Count * BoxHeight + Math.Max(0, rows.Count - 1) * RowGap;
        var position = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        for (var r = 0; r < rows.Count; r++)
        {
            var rowWidth = rows[r].Count * BoxWidth + (rows[r].Count - 1) * ColumnGap;
            var start = (width - rowWidth) / 2.0;
            for (var i = 0; i < rows[r].Count; i++)
                position[rows[r][i].BatchId] = (start + i * (BoxWidth + ColumnGap), Margin + r * (BoxHeight + RowGap));
        }

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"graph\" role=\"img\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\" aria-labelledby=\"graph-title\">");
        svg.Append("<title id=\"graph-title\">Where this product came from: each batch and the batches it was made from</title>");
        svg.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#64748b\"/></marker></defs>");
        foreach (var edge in lineage.Edges)
        {
            if (!position.TryGetValue(edge.FromBatchId, out var from) || !position.TryGetValue(edge.ToBatchId, out var to)) continue;
            var label = edge.ShipmentId.Length > 0 ? "shipped" : "";
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{from.X + BoxWidth / 2.0:0.#}\" y1=\"{from.Y:0.#}\" x2=\"{to.X + BoxWidth / 2.0:0.#}\" y2=\"{to.Y + BoxHeight + 2:0.#}\" stroke=\"#64748b\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"><title>{E(edge.Quantity.Amount)} {E(Figures.Unit(edge.Quantity.Unit))} consumed by {E(edge.TransformationId)}{(label.Length > 0 ? ", arrived by shipment " + E(edge.ShipmentId) : "")}</title></line>");
        }
        foreach (var node in lineage.Nodes)
        {
            var (x, y) = position[node.BatchId];
            var (stroke, standing) = node.Standing switch
            {
                LineageStanding.Verified => ("#15803d", "verified"),
                LineageStanding.Withdrawn => ("#b91c1c", "withdrawn evidence"),
                _ => ("#a16207", "awaiting confirmation"),
            };
            if (node.RestsOnWithdrawnEvidence && node.Standing != LineageStanding.Withdrawn) standing += ", rests on withdrawn evidence";
            var organisation = organisations.TryGetValue(node.Producer, out var o) ? o.Display : node.Producer;
            var link = LotLink(node.BatchId);
            if (link is not null) svg.Append(CultureInfo.InvariantCulture, $"<a href=\"{E(link)}\">");
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"node\" data-batch=\"{E(node.BatchId)}\"><title>{E(node.BatchId)} ({standing})</title>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{BoxWidth}\" height=\"{BoxHeight}\" rx=\"8\" fill=\"#fff\" stroke=\"{stroke}\" stroke-width=\"{(node.Depth == 0 ? 3 : 1.5)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 10:0.#}\" y=\"{y + 20:0.#}\" class=\"name\">{E(Figures.Short(node.ProductName, 30))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 10:0.#}\" y=\"{y + 38:0.#}\" class=\"small\">{E(Figures.Short(organisation, 34))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 10:0.#}\" y=\"{y + 56:0.#}\" class=\"small\">{Figures.Kg(Figures.Parse(node.KgCo2EPerUnit))} kg CO2e/{E(Figures.Unit(node.Quantity.Unit))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x + BoxWidth - 14:0.#}\" cy=\"{y + 14:0.#}\" r=\"6\" fill=\"{stroke}\"/>");
            svg.Append("</g>");
            if (link is not null) svg.Append("</a>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The provenance page of a batch whose identifier carries a GTIN and lot; null otherwise.</summary>
    public static string? LotLink(string batchId) =>
        BatchIdentifier.TryParse(batchId, out var id, out _) && id.Gtin is { } gtin && id.LotOrSerial is { } lot
            && id.Kind is BatchIdentifierKind.DigitalLink or BatchIdentifierKind.EpcLgtin
            ? $"/01/{gtin.Value}/10/{Uri.EscapeDataString(lot)}" : null;
}
