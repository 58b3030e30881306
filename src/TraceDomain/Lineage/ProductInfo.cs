namespace Trace.Domain.Lineage;

/// <summary>What a batch is: product name, GTIN-14 (when it has one) and the 8-digit EU Combined Nomenclature code (CBAM).</summary>
public sealed record ProductInfo(string Name, string? Gtin, string? CnCode);
