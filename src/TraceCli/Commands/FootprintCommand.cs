using System.CommandLine;
using Spectre.Console;
using Trace.Cli.Cli;
using Trace.Protos.V1;

namespace Trace.Cli.Commands;

/// <summary><c>trace footprint BATCH</c>: a batch's cradle-to-gate footprint with its breakdown by stage (docs/lineage.md).</summary>
internal static class FootprintCommand
{
    public static Command Create()
    {
        var batch = new Argument<string>("batch") { Description = "Batch id (e.g. https://id.gs1.org/01/GTIN/10/LOT)" };
        var command = new Command("footprint", "A batch's footprint: total, per unit, scopes, primary and verified shares, and where each kgCO2e comes from") { batch };
        Run.Action(command, async (s, ct) =>
        {
            var footprint = await (await s.ClientAsync(ct)).GetFootprintAsync(s.Value(batch)!, ct: ct);
            if (s.Json)
            {
                Session.WriteJson(Session.ToJson(footprint));
                return ExitCodes.Ok;
            }
            Print(s.Console, footprint);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The summary lines and the breakdown table.</summary>
    public static void Print(IAnsiConsole console, Footprint f)
    {
        console.MarkupLine(Ui.Format($"[bold]{f.ProductName}[/] {f.BatchId}: {f.Quantity?.Amount} {f.Quantity?.Unit}"));
        console.MarkupLine(Ui.Format($"  [bold]{Round(f.TotalKgCo2E)} kgCO2e[/] in total, [bold]{Round(f.KgCo2EPerUnit)} kgCO2e per {f.Quantity?.Unit}[/] ({Names.Of(f.Basis)})"));
        console.MarkupLine(Ui.Format($"  primary data {Percent(f.PrimaryShare)}, verified {Percent(f.VerifiedShare)}; scope 1 {Round(f.ByScope?.Scope1KgCo2E)}, scope 2 {Round(f.ByScope?.Scope2KgCo2E)}, scope 3 {Round(f.ByScope?.Scope3KgCo2E)}"));
        if (f.RestsOnWithdrawnEvidence)
            console.MarkupLine(Ui.Format($"  [red]rests on withdrawn evidence:[/] {string.Join(", ", f.WithdrawnEvidence.Select(w => $"{w.RecordId[..10]}… ({Names.Of(w.Reason)})"))}"));
        if (f.TransportNotReported.Count > 0 || f.TransportNotReportedUpstream)
            console.MarkupLine("  [yellow]transport not reported[/] for some custody moves (counted as nothing, not as zero)");
        var table = new Table().AddColumns("stage", "kgCO2e", "method", "primary", "verified", "from");
        foreach (var c in f.Breakdown)
        {
            var from = c.Stage switch
            {
                FootprintStage.Input => $"{c.InputBatchId} × {c.Consumed?.Amount} {c.Consumed?.Unit}",
                FootprintStage.TransportLeg => $"{c.Mode} {c.DistanceKm} km, shipment {c.LegShipmentId}",
                _ => c.TransformationId.Length > 0 ? c.TransformationId : c.RecordId,
            };
            table.AddRow(Names.Of(c.Stage), Round(c.KgCo2E), c.Method == FigureMethod.Unspecified ? "" : Names.Of(c.Method), Round(c.PrimaryKgCo2E), Round(c.VerifiedKgCo2E) + (c.Withdrawn ? " [red](withdrawn)[/]" : ""), Ui.Safe(from));
        }
        console.Write(table);
        foreach (var p in f.PlannedTransport)
        {
            var sign = p.DifferenceKgCo2E.StartsWith('-') ? "" : "+";
            console.MarkupLine(Ui.Format($"  shipment {p.PlannedShipmentId} followed route plan {p.PlanId[..10]}… (within {p.DeadlineDays} d): planned [bold]{Round(p.PlannedKgCo2E)}[/], recorded [bold]{Round(p.RecordedKgCo2E)}[/] kgCO2e of this batch's share ({sign}{Round(p.DifferenceKgCo2E)})"));
        }
    }

    /// <summary>A decimal string to 3 places for reading (the JSON keeps every digit).</summary>
    public static string Round(string? value) =>
        decimal.TryParse(value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d)
            ? Math.Round(d, 3).ToString("#,0.###", System.Globalization.CultureInfo.InvariantCulture) : value ?? "";

    public static string Percent(string? share) =>
        decimal.TryParse(share, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d)
            ? (d * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " %" : "–";
}
