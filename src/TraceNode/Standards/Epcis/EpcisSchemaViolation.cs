namespace Trace.Node.Standards.Epcis;

/// <summary>Where an EPCIS document breaks the EPCIS JSON Schema: the event (when inside one), the member path and why.</summary>
public sealed record EpcisSchemaViolation(int? EventIndex, string Path, string Keyword, string Message);
