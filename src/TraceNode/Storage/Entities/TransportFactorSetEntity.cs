namespace Trace.Node.Storage.Entities;

/// <summary>A transport factor set this node has used, kept after the operator replaces it so old footprints can show it.</summary>
public sealed class TransportFactorSetEntity
{
    /// <summary>The set's version label; the key footprints cite.</summary>
    public required string Version { get; set; }

    /// <summary>The set as its record body: RFC 8785 canonical JSON without salt (recordType, version, rows).</summary>
    public required string BodyJson { get; set; }

    /// <summary>The 32-byte salt of the set's record, chosen once so a restart resubmits the same record.</summary>
    public required byte[] Salt { get; set; }

    /// <summary>The 32-byte claim nonce, chosen once for the same reason.</summary>
    public required byte[] Nonce { get; set; }

    /// <summary>The claim's issuedAt, Unix seconds, chosen once.</summary>
    public long IssuedAt { get; set; }

    /// <summary>The record the set was submitted as; null while it is not anchored.</summary>
    public string? RecordId { get; set; }

    /// <summary>When this node first made the set active.</summary>
    public DateTimeOffset FirstActivatedAt { get; set; }

    /// <summary>When this node last started with the set active.</summary>
    public DateTimeOffset LastActivatedAt { get; set; }
}
