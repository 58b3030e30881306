using Trace.Domain.Identifiers;

namespace Trace.Node.Lineage.Model;

/// <summary>The GTIN-14 and lot a batch identifier names, stored with the batch so GS1 Digital Link paths find it.</summary>
internal static class ProductLot
{
    /// <summary>
    /// (GTIN-14, lot) of <paramref name="batchId"/>: a Digital Link or EPC lgtin gives both; an sgtin (a serial, not a lot)
    /// or another URN gives only the record's <paramref name="productGtin"/>, and no lot.
    /// </summary>
    public static (string? Gtin, string? Lot) Of(string batchId, string? productGtin)
    {
        if (!BatchIdentifier.TryParse(batchId, out var id, out _)) return (productGtin, null);
        var lot = id.Kind is BatchIdentifierKind.DigitalLink or BatchIdentifierKind.EpcLgtin ? id.LotOrSerial : null;
        return (id.Gtin?.Value ?? productGtin, lot);
    }
}
