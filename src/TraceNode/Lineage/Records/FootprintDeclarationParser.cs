using System.Text.Json;
using Trace.Domain;
using Trace.Domain.Lineage;

namespace Trace.Node.Lineage.Records;

/// <summary>
/// Reads a schema-valid footprint declaration (kind 7, structured) and checks what the PACT Technical Specifications v2
/// (v2.3.3, data type CarbonFootprint) state about its figures.
/// </summary>
/// <remarks>
/// PACT v2 states ranges for each figure, not sums: pCfExcludingBiogenic, fossilGhgEmissions, fossilCarbonContent,
/// biogenicCarbonContent, dLucGhgEmissions, iLucGhgEmissions, otherBiogenicGhgEmissions and aircraftGhgEmissions are
/// "equal to or greater than zero"; pCfIncludingBiogenic and landManagementGhgEmissions may be negative;
/// biogenicCarbonWithdrawal is "equal to or less than zero"; unitaryProductAmount is "strictly greater than 0";
/// primaryDataShare is a percentage; the reference period starts (inclusive) before it ends (exclusive). The schema holds
/// the signs; this class checks the rest. No total is defined as the sum of its parts in v2 (WBCSD's own v2 example has
/// pCfExcludingBiogenic 1.63 with fossilGhgEmissions 1.5 and dLucGhgEmissions 0.8), so no sum is checked.
/// </remarks>
internal static class FootprintDeclarationParser
{
    public static FootprintDeclaration Parse(JsonElement root)
    {
        var context = new RecordReadContext(RecordKind.ProductCarbonFootprint);
        const string at = RecordFieldPath.Root;
        var batchId = context.BatchId(root.GetProperty("batchId"), $"{at}.batchId").Text;
        var unitName = root.GetProperty("declaredUnit").GetString()!;
        var unit = DeclaredUnit(unitName);
        var amount = context.Positive(root.GetProperty("unitaryProductAmount"), $"{at}.unitaryProductAmount");
        var pcf = root.GetProperty("pcf");
        const string pcfAt = $"{at}.pcf";
        var excluding = context.Decimal(pcf.GetProperty("pCfExcludingBiogenic"), $"{pcfAt}.pCfExcludingBiogenic");
        var including = context.OptionalDecimal(pcf, "pCfIncludingBiogenic", pcfAt);
        foreach (var part in (string[])["fossilGhgEmissions", "fossilCarbonContent", "biogenicCarbonContent", "dLucGhgEmissions",
                     "landManagementGhgEmissions", "otherBiogenicGhgEmissions", "iLucGhgEmissions", "biogenicCarbonWithdrawal", "aircraftGhgEmissions"])
            context.OptionalDecimal(pcf, part, pcfAt); // significant-digit check; signs are the schema's
        var share = context.OptionalDecimal(pcf, "primaryDataShare", pcfAt);
        if (share > 100m) context.Fail($"{pcfAt}.primaryDataShare", $"is a percentage: {share} is more than 100");
        Period? reference = null;
        var startText = RecordReadContext.OptionalString(pcf, "referencePeriodStart");
        var endText = RecordReadContext.OptionalString(pcf, "referencePeriodEnd");
        if (startText is not null && endText is not null)
        {
            var start = context.Timestamp(pcf.GetProperty("referencePeriodStart"), $"{pcfAt}.referencePeriodStart");
            var end = context.Timestamp(pcf.GetProperty("referencePeriodEnd"), $"{pcfAt}.referencePeriodEnd");
            if (end <= start) context.Fail($"{pcfAt}.referencePeriodEnd", $"{endText} is not after referencePeriodStart {startText} (PACT: the end is exclusive)");
            reference = new Period(start, end);
        }
        else if (startText is not null || endText is not null)
        {
            context.Fail($"{pcfAt}.{(startText is null ? "referencePeriodStart" : "referencePeriodEnd")}", "the reference period needs both its start and its end");
        }
        return new FootprintDeclaration(batchId, RecordReadContext.OptionalString(root, "pactProductFootprintId"), unitName, unit, amount, excluding, including, share, reference,
            context.RecordIdList(root, "evidence", at))
        {
            Supersedes = context.OptionalRecordId(root, "supersedes", at),
        };
    }

    /// <summary>PACT declaredUnit values and the Rec 20 units they are.</summary>
    public static MeasureUnit DeclaredUnit(string name) => name switch
    {
        "kilogram" => MeasureUnit.Kilogram,
        "liter" => MeasureUnit.Litre,
        "cubic meter" => MeasureUnit.CubicMetre,
        "kilowatt hour" => MeasureUnit.KilowattHour,
        "megajoule" => MeasureUnit.Megajoule,
        "square meter" => MeasureUnit.SquareMetre,
        "piece" => MeasureUnit.Piece,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a declared unit the schema allows"),
    };
}
