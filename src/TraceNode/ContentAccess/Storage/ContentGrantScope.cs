namespace Trace.Node.ContentAccess.Storage;

/// <summary>What a content grant covers.</summary>
public enum ContentGrantScope
{
    /// <summary>One record's content.</summary>
    Record = 1,

    /// <summary>
    /// The granter's records about one batch: its batch records and footprint declarations, the transformation records
    /// producing it, the shipment records carrying it, and the evidence records those cite.
    /// </summary>
    Batch = 2,
}
