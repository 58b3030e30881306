namespace Trace.Client.Standards.Epcis;

/// <summary>What an EPCIS document does not say and a lineage record needs: who signs, who the parties are, product names, overrides.</summary>
public sealed record EpcisConversionOptions
{
    /// <summary>The participant address that will sign the records (the supplier or carrier importing its own events).</summary>
    public required string Issuer { get; init; }

    /// <summary>EPCIS party or location identifiers (PGLN / SGLN URNs, GLNs, GS1 Digital Link 417/414 URIs) to participant addresses.</summary>
    public IReadOnlyDictionary<string, string> Parties { get; init; } = new Dictionary<string, string>();

    /// <summary>The other party of a shipping or receiving event whose source/destination list names no known party.</summary>
    public string? Counterparty { get; init; }

    /// <summary>Product names by batch id (EPC or EPC class) or GTIN-14: EPCIS events carry no master data.</summary>
    public IReadOnlyDictionary<string, string> ProductNames { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// JSON objects merged into the record whose subject id is the key (top-level members replace, one level deep for
    /// objects; a null member removes it): emissions, cnCode, installation ids, legs, shipment ids of inputs.
    /// </summary>
    public IReadOnlyDictionary<string, string> RecordOverrides { get; init; } = new Dictionary<string, string>();

    /// <summary>EPCIS eventIDs already imported, to the id of the record they became: an error declaration's corrective events supersede it.</summary>
    public IReadOnlyDictionary<string, string> KnownEventRecords { get; init; } = new Dictionary<string, string>();
}
