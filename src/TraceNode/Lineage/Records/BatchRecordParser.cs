using System.Text.Json;
using Trace.Domain;
using Trace.Domain.Identifiers;
using Trace.Domain.Lineage;

namespace Trace.Node.Lineage.Records;

/// <summary>Reads a schema-valid batch record (kind 16) and checks it on its own: identifier, GTIN agreement, GLN, period.</summary>
internal static class BatchRecordParser
{
    public static BatchRecord Parse(JsonElement root)
    {
        var context = new RecordReadContext(RecordKind.Batch);
        const string at = RecordFieldPath.Root;
        var batchId = context.BatchId(root.GetProperty("batchId"), $"{at}.batchId");
        var product = root.GetProperty("product");
        var gtinText = RecordReadContext.OptionalString(product, "gtin");
        string? gtin = null;
        if (gtinText is not null)
        {
            if (!Gtin.TryParse(gtinText, out var parsed, out var error)) context.Fail($"{at}.product.gtin", error);
            gtin = parsed.Value;
            if (batchId.Gtin is { } idGtin && idGtin != parsed)
                context.Fail($"{at}.product.gtin", $"GTIN {parsed.Value} differs from GTIN {idGtin.Value} in batchId");
        }
        gtin ??= batchId.Gtin?.Value;
        var info = new ProductInfo(product.GetProperty("name").GetString()!, gtin, RecordReadContext.OptionalString(product, "cnCode"));
        return new BatchRecord(
            batchId.Text,
            info,
            context.Quantity(root.GetProperty("quantity"), $"{at}.quantity"),
            context.Facility(root, at),
            context.Period(root, "productionPeriod", at),
            context.Emissions(root, at))
        {
            Supersedes = context.OptionalRecordId(root, "supersedes", at),
        };
    }
}
