using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Trace.Node.Standards.Cbam;

/// <summary>
/// The JSON form of a CBAM report (<c>trace.cbam-report/v1</c>): member names after the CBAM report structure of
/// Implementing Regulation (EU) 2023/1773, Annex I (docs/cbam.md maps each one); decimals as strings in plain notation.
/// </summary>
public static class CbamReportJson
{
    /// <summary>The report as UTF-8 JSON text.</summary>
    public static string Write(CbamReport report)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("reportType", "trace.cbam-report/v1");
            w.WriteString("reportIssueDate", report.GeneratedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            w.WriteStartObject("reportingPeriod");
            w.WriteString("start", Time(report.Query.Start));
            w.WriteString("end", Time(report.Query.End));
            w.WriteEndObject();
            if (report.Query.CnCode is { Length: > 0 } cn) w.WriteString("combinedNomenclatureCodeFilter", cn);
            if (report.Query.InstallationId is { Length: > 0 } inst) w.WriteString("installationFilter", inst);
            w.WriteString("typeOfApplicableReportingMethodology", "Trace carbon lineage (docs/lineage.md): actual data of the installations, EU method; default values where a record states a default factor");
            w.WriteStartArray("cbamGoodsImported");
            foreach (var item in report.Goods) Item(w, item);
            w.WriteEndArray();
            w.WriteStartArray("remarks");
            foreach (var note in report.Notes) w.WriteStringValue(note);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Item(Utf8JsonWriter w, CbamGoodsItem item)
    {
        w.WriteStartObject();
        w.WriteNumber("goodsItemNumber", item.GoodsItemNumber);
        w.WriteStartObject("commodityCode");
        w.WriteString("harmonizedSystemSubHeadingCode", item.CnCode[..6]);
        w.WriteString("combinedNomenclatureCode", item.CnCode[6..]);
        w.WriteEndObject();
        w.WriteStartObject("goodsMeasureProduced");
        Decimal(w, "netMass", item.NetMassTonnes);
        w.WriteString("typeOfMeasurementUnit", item.NetMassTonnes is null ? item.Unit : "tonnes");
        if (item.NetMassTonnes is null) Decimal(w, "quantity", item.Quantity);
        w.WriteEndObject();
        Decimal(w, "goodsImportedTotalEmissions", item.DirectEmbeddedEmissions + item.IndirectEmbeddedEmissions);
        w.WriteStartObject("installation");
        w.WriteString("installationId", item.InstallationId);
        w.WriteEndObject();
        Decimal(w, "directEmbeddedEmissions", item.DirectEmbeddedEmissions);
        Decimal(w, "indirectEmbeddedEmissions", item.IndirectEmbeddedEmissions);
        Decimal(w, "specificDirectEmbeddedEmissions", item.SpecificDirectEmbeddedEmissions);
        Decimal(w, "specificIndirectEmbeddedEmissions", item.SpecificIndirectEmbeddedEmissions);
        w.WriteString("specificEmbeddedEmissionsUnit", item.SpecificUnit);
        Decimal(w, "shareOfDefaultValues", item.ShareFromDefaultValues);
        Decimal(w, "shareOfActualData", item.ShareFromActualData);
        w.WriteStartArray("cbamGoodsEmissions");
        var sequence = 1;
        foreach (var batch in item.Batches) Batch(w, batch, sequence++);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Batch(Utf8JsonWriter w, CbamGoodsBatch b, int sequence)
    {
        w.WriteStartObject();
        w.WriteNumber("emissionsSequenceNumber", sequence);
        w.WriteString("batchId", b.BatchId);
        w.WriteString("recordId", b.RecordId);
        w.WriteString("productName", b.ProductName);
        w.WriteString("productionReferenceDate", Time(b.ReferenceDate));
        w.WriteStartObject("goodsMeasureProduced");
        Decimal(w, "netMass", b.NetMassTonnes);
        Decimal(w, "quantity", b.Quantity);
        w.WriteString("unit", b.Unit);
        w.WriteEndObject();
        Decimal(w, "directEmbeddedEmissions", b.DirectEmbeddedEmissions);
        Decimal(w, "indirectEmbeddedEmissions", b.IndirectEmbeddedEmissions);
        Decimal(w, "specificDirectEmbeddedEmissions", b.SpecificDirectEmbeddedEmissions);
        Decimal(w, "specificIndirectEmbeddedEmissions", b.SpecificIndirectEmbeddedEmissions);
        w.WriteString("specificEmbeddedEmissionsUnit", b.SpecificUnit);
        Decimal(w, "defaultValueEmissions", b.DefaultValueEmissions);
        w.WriteStartArray("figures");
        foreach (var f in b.Figures)
        {
            w.WriteStartObject();
            w.WriteString("figure", f.Figure);
            w.WriteString("emissions", f.Emissions);
            Decimal(w, "tCO2e", f.TonnesCo2e);
            w.WriteString("typeOfDetermination", f.TypeOfDetermination);
            w.WriteString("recordId", f.RecordId);
            w.WriteString("verificationStatus", f.VerificationStatus);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("precursors");
        foreach (var p in b.Precursors)
        {
            w.WriteStartObject();
            w.WriteString("batchId", p.BatchId);
            if (p.CnCode is not null) w.WriteString("combinedNomenclatureCode", p.CnCode);
            if (p.InstallationId is not null) w.WriteString("installationId", p.InstallationId);
            w.WriteStartObject("consumedQuantity");
            Decimal(w, "amount", p.ConsumedAmount);
            w.WriteString("unit", p.ConsumedUnit);
            w.WriteEndObject();
            Decimal(w, "consumedNetMass", p.ConsumedTonnes);
            Decimal(w, "specificDirectEmbeddedEmissions", p.SpecificDirectEmbeddedEmissions);
            Decimal(w, "specificIndirectEmbeddedEmissions", p.SpecificIndirectEmbeddedEmissions);
            w.WriteString("specificEmbeddedEmissionsUnit", p.SpecificUnit);
            Decimal(w, "directEmbeddedEmissions", p.DirectEmbeddedEmissionsInGood);
            Decimal(w, "indirectEmbeddedEmissions", p.IndirectEmbeddedEmissionsInGood);
            w.WriteString("verificationStatus", p.VerificationStatus);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Decimal(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v) w.WriteString(name, Plain(v));
        else w.WriteNull(name);
    }

    /// <summary>Plain decimal notation, trailing zeros after the point removed (as LineageService answers).</summary>
    public static string Plain(decimal value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }

    private static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
