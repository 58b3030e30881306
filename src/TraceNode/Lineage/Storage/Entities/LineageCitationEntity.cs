namespace Trace.Node.Lineage.Storage.Entities;

/// <summary>A lineage record cites an evidence record (emission evidence, customs certificate, declaration evidence, factor set).</summary>
public sealed class LineageCitationEntity
{
    /// <summary>The citing lineage record.</summary>
    public required string RecordId { get; set; }

    /// <summary>The cited record.</summary>
    public required string CitedRecordId { get; set; }

    /// <summary>What the cited record is to the citing one (EmissionEvidence, CustomsCertificate, DeclarationEvidence, FactorSet).</summary>
    public required string Role { get; set; }

    /// <summary>True when the figure it supports is primary data.</summary>
    public bool Primary { get; set; }
}
