namespace Trace.Client.Standards.Epcis;

/// <summary>What became of one EPCIS event.</summary>
public enum EpcisEventDisposition
{
    /// <summary>The event became one or more lineage records.</summary>
    Converted,

    /// <summary>Not a lineage event (aggregation, association, observation, sensor readings): nothing to record.</summary>
    Skipped,

    /// <summary>A receiving event confirming a shipping event of the same call: the shipment is recorded once, by the sender.</summary>
    ConfirmsShipment,

    /// <summary>An error declaration: it produces no record; its corrective events supersede the erroneous event's record.</summary>
    ErrorDeclaration,

    /// <summary>A lineage event Trace cannot represent as given (unit, zero quantity, unknown party): see the notes, nothing emitted.</summary>
    NotConverted,
}
