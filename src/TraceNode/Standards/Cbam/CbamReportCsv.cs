using System.Text;

namespace Trace.Node.Standards.Cbam;

/// <summary>
/// The CSV form of a CBAM report (RFC 4180, comma, CRLF): one "goods" row per goods item, one "batch" row per batch and
/// one "precursor" row per precursor of a batch, with the JSON form's names as column headers; decimals in plain notation.
/// </summary>
public static class CbamReportCsv
{
    private static readonly string[] Columns =
    [
        "lineType", "goodsItemNumber", "emissionsSequenceNumber", "reportingPeriodStart", "reportingPeriodEnd", "combinedNomenclatureCode",
        "installationId", "batchId", "netMass", "quantity", "unit", "directEmbeddedEmissions", "indirectEmbeddedEmissions",
        "specificDirectEmbeddedEmissions", "specificIndirectEmbeddedEmissions", "specificEmbeddedEmissionsUnit", "shareOfDefaultValues",
        "shareOfActualData", "typeOfDetermination", "verificationStatus", "precursorOfBatchId",
    ];

    /// <summary>The report as CSV text.</summary>
    public static string Write(CbamReport report)
    {
        var csv = new StringBuilder();
        Row(csv, Columns);
        var start = report.Query.Start.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var end = report.Query.End.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var item in report.Goods)
        {
            Row(csv, ["goods", $"{item.GoodsItemNumber}", "", start, end, item.CnCode, item.InstallationId, "", D(item.NetMassTonnes), D(item.Quantity), item.Unit,
                D(item.DirectEmbeddedEmissions), D(item.IndirectEmbeddedEmissions), D(item.SpecificDirectEmbeddedEmissions), D(item.SpecificIndirectEmbeddedEmissions),
                item.SpecificUnit, D(item.ShareFromDefaultValues), D(item.ShareFromActualData), "", "", ""]);
            var sequence = 1;
            foreach (var b in item.Batches)
            {
                var determination = b.DefaultValueEmissions == 0 ? "actual" : b.DefaultValueEmissions == b.DirectEmbeddedEmissions + b.IndirectEmbeddedEmissions ? "default" : "mixed";
                var statuses = string.Join(" ", b.Figures.Select(f => f.VerificationStatus).Distinct().Order(StringComparer.Ordinal));
                Row(csv, ["batch", $"{item.GoodsItemNumber}", $"{sequence}", start, end, item.CnCode, item.InstallationId, b.BatchId, D(b.NetMassTonnes), D(b.Quantity), b.Unit,
                    D(b.DirectEmbeddedEmissions), D(b.IndirectEmbeddedEmissions), D(b.SpecificDirectEmbeddedEmissions), D(b.SpecificIndirectEmbeddedEmissions),
                    b.SpecificUnit, "", "", determination, statuses, ""]);
                foreach (var p in b.Precursors)
                    Row(csv, ["precursor", $"{item.GoodsItemNumber}", $"{sequence}", start, end, p.CnCode ?? "", p.InstallationId ?? "", p.BatchId, D(p.ConsumedTonnes),
                        D(p.ConsumedAmount), p.ConsumedUnit, D(p.DirectEmbeddedEmissionsInGood), D(p.IndirectEmbeddedEmissionsInGood),
                        D(p.SpecificDirectEmbeddedEmissions), D(p.SpecificIndirectEmbeddedEmissions), p.SpecificUnit, "", "", "", p.VerificationStatus, b.BatchId]);
                sequence++;
            }
        }
        return csv.ToString();
    }

    private static string D(decimal? value) => value is { } v ? CbamReportJson.Plain(v) : "";

    private static void Row(StringBuilder csv, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) csv.Append(',');
            var field = fields[i];
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0) csv.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            else csv.Append(field);
        }
        csv.Append("\r\n");
    }
}
