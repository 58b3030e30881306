using Trace.Domain;

namespace Trace.Node.Lineage.Storage.Entities;

/// <summary>A batch's footprint rests on a withdrawn record (here or upstream).</summary>
public sealed class LineageWithdrawnMarkEntity
{
    /// <summary>The marked batch.</summary>
    public required string BatchId { get; set; }

    /// <summary>The withdrawn record.</summary>
    public required string RecordId { get; set; }

    /// <summary>Its kind.</summary>
    public RecordKind Kind { get; set; }

    /// <summary>Revoked, Superseded or Flagged.</summary>
    public required string Reason { get; set; }

    /// <summary>The superseding record for an on-chain supersession.</summary>
    public string? SupersededBy { get; set; }

    /// <summary>The batch whose own figures cite the record.</summary>
    public required string ViaBatchId { get; set; }
}
