using Trace.Domain;

namespace Trace.Node.Lineage.Storage.Entities;

/// <summary>A lineage record the node accepted: its kind, the identifier it speaks about, and whether it is the current one.</summary>
public sealed class LineageRecordEntity
{
    /// <summary>The record id.</summary>
    public required string RecordId { get; set; }

    /// <summary>Kind (batch, transformation, shipment, footprint declaration).</summary>
    public RecordKind Kind { get; set; }

    /// <summary>The batch, transformation or shipment identifier.</summary>
    public required string Identifier { get; set; }

    /// <summary>Issuer.</summary>
    public required string Issuer { get; set; }

    /// <summary>False once a lineage record superseded it.</summary>
    public bool Current { get; set; }

    /// <summary>The lineage record that superseded it; null while current.</summary>
    public string? SupersededBy { get; set; }
}
