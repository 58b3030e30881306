using System.Globalization;
using System.Text;
using Trace.Protos.V1;
using static Trace.Api.Provenance.Html;

namespace Trace.Api.Provenance;

/// <summary>
/// The footprint per unit as server-rendered SVG (no script): one bar per breakdown component, coloured by scope, and a
/// stacked bar of the scopes. Every figure is also text in the SVG, so it reads without JavaScript and to screen readers.
/// </summary>
internal static class FootprintChartSvg
{
    private const int Width = 640, LabelWidth = 270, BarArea = 270, RowHeight = 26;
    private static readonly Dictionary<string, string> Colours = new()
    {
        ["Scope 1"] = "#c2410c", ["Scope 2"] = "#ca8a04", ["Scope 3"] = "#2563eb", ["Declared"] = "#7c3aed",
    };

    public static string Render(Footprint footprint, IReadOnlyDictionary<string, string> productNames)
    {
        var quantity = Figures.Parse(footprint.Quantity.Amount);
        var unit = Figures.Unit(footprint.Quantity.Unit);
        var rows = footprint.Breakdown
            .Select(c => (Label: Figures.Stage(c, productNames), Scope: Figures.Scope(c.Stage), PerUnit: quantity == 0 ? 0 : Figures.Parse(c.KgCo2E) / quantity, c.Withdrawn))
            .OrderByDescending(r => r.PerUnit).ToList();
        var max = rows.Count == 0 ? 1m : Math.Max(rows.Max(r => r.PerUnit), 0.000000001m);
        var scopes = new[]
        {
            ("Scope 1", Figures.Parse(footprint.ByScope.Scope1KgCo2E)), ("Scope 2", Figures.Parse(footprint.ByScope.Scope2KgCo2E)),
            ("Scope 3", Figures.Parse(footprint.ByScope.Scope3KgCo2E)), ("Declared", Figures.Parse(footprint.ByScope.DeclaredKgCo2E)),
        };
        var total = scopes.Sum(s => s.Item2);
        var height = 70 + rows.Count * RowHeight + 10;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {Width} {height}\" xmlns=\"http://www.w3.org/2000/svg\" aria-labelledby=\"chart-title\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"chart-title\">Footprint per {E(unit)} by stage and scope</title>");
        // The scopes, stacked.
        double x = 0;
        foreach (var (scope, kg) in scopes)
        {
            if (kg <= 0 || total <= 0) continue;
            var w = (double)(kg / total) * Width;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.##}\" y=\"0\" width=\"{w:0.##}\" height=\"22\" fill=\"{Colours[scope]}\"><title>{scope}: {Figures.Kg(quantity == 0 ? 0 : kg / quantity)} kg CO2e per {E(unit)}</title></rect>");
            x += w;
        }
        var lx = 0;
        foreach (var (scope, kg) in scopes)
        {
            if (kg <= 0) continue;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{lx}\" y=\"32\" width=\"12\" height=\"12\" fill=\"{Colours[scope]}\"/>");
            var label = $"{scope} {Figures.Percent(total == 0 ? "" : (kg / total).ToString(CultureInfo.InvariantCulture))}";
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{lx + 16}\" y=\"43\" class=\"legend\">{E(label)}</text>");
            lx += 160;
        }
        // One bar per component, largest first.
        var y = 64;
        foreach (var row in rows)
        {
            var w = (double)(row.PerUnit / max) * BarArea;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 16}\" class=\"label\">{E(Figures.Short(row.Label, 40))}{(row.Withdrawn ? " ⚠" : "")}<title>{E(row.Label)}</title></text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 4}\" width=\"{Math.Max(w, 1):0.##}\" height=\"16\" fill=\"{Colours[row.Scope]}\"{(row.Withdrawn ? " fill-opacity=\"0.45\"" : "")}/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + w + 6:0.##}\" y=\"{y + 16}\" class=\"value\">{Figures.Kg(row.PerUnit)}</text>");
            y += RowHeight;
        }
        svg.Append("</svg>");
        return svg.ToString();
    }
}
