namespace Trace.Domain;

/// <summary>Checks on <see cref="RecordKind"/> codes that arrive as raw numbers (claims, requests, chain events).</summary>
public static class RecordKinds
{
    /// <summary>True when <paramref name="code"/> is a defined kind.</summary>
    public static bool IsDefined(int code) => code is >= 1 and <= 8 or >= 16 and <= 18;

    /// <summary>True for the structured lineage kinds (batch, transformation, shipment).</summary>
    public static bool IsLineage(RecordKind kind) => kind is RecordKind.Batch or RecordKind.Transformation or RecordKind.Shipment;
}
