using Trace.Domain;

namespace Trace.Node.Lineage.Records;

/// <summary>Which record kinds carry a structured lineage record, their recordType values, schema files and names in refusals.</summary>
public static class LineageRecordKinds
{
    /// <summary>True for the kinds a structured submission must be a lineage record of: batch, transformation, shipment, footprint declaration (7).</summary>
    public static bool IsStructuredLineage(RecordKind kind) => RecordKinds.IsLineage(kind) || kind == RecordKind.ProductCarbonFootprint;

    /// <summary>The "recordType" member each kind's records carry.</summary>
    public static string RecordType(RecordKind kind) => kind switch
    {
        RecordKind.Batch => "trace.batch/v1",
        RecordKind.Transformation => "trace.transformation/v1",
        RecordKind.Shipment => "trace.shipment/v1",
        RecordKind.ProductCarbonFootprint => "trace.footprint-declaration/v1",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a structured lineage kind"),
    };

    /// <summary>The schema file under docs/schemas.</summary>
    public static string SchemaFile(RecordKind kind) => kind switch
    {
        RecordKind.Batch => "batch.schema.json",
        RecordKind.Transformation => "transformation.schema.json",
        RecordKind.Shipment => "shipment.schema.json",
        RecordKind.ProductCarbonFootprint => "footprint-declaration.schema.json",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a structured lineage kind"),
    };

    /// <summary>How refusals name the record, e.g. "batch record".</summary>
    public static string Label(RecordKind kind) => kind switch
    {
        RecordKind.Batch => "batch record",
        RecordKind.Transformation => "transformation record",
        RecordKind.Shipment => "shipment record",
        RecordKind.ProductCarbonFootprint => "footprint declaration",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a structured lineage kind"),
    };
}
