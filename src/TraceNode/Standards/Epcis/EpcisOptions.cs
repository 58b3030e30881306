namespace Trace.Node.Standards.Epcis;

/// <summary>Settings of the EPCIS import (section <c>Trace:Epcis</c>).</summary>
public sealed class EpcisOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Trace:Epcis";

    /// <summary>
    /// Path of the GS1 EPCIS 2.0 JSON Schema (EPCIS-JSON-Schema.json, from gs1/EPCIS). Not shipped with Trace: GS1 grants no
    /// redistribution licence for it. Without it the import refuses with FAILED_PRECONDITION.
    /// </summary>
    public string? SchemaPath { get; set; }
}
