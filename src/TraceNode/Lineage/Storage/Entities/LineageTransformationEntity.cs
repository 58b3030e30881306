namespace Trace.Node.Lineage.Storage.Entities;

/// <summary>The current record of a transformation: issuer, allocation rule and process emissions (inputs and outputs are rows of their own).</summary>
public sealed class LineageTransformationEntity
{
    /// <summary>The transformation identifier.</summary>
    public required string TransformationId { get; set; }

    /// <summary>The current transformation record.</summary>
    public required string RecordId { get; set; }

    /// <summary>Issuer of the record (EIP-55).</summary>
    public required string Issuer { get; set; }

    /// <summary>"Mass" or "Economic".</summary>
    public required string Allocation { get; set; }

    /// <summary>Process scope 1, kgCO2e; null when not stated.</summary>
    public decimal? Scope1 { get; set; }

    /// <summary>Method of <see cref="Scope1"/>.</summary>
    public string? Scope1Method { get; set; }

    /// <summary>Process scope 2, kgCO2e; null when not stated.</summary>
    public decimal? Scope2 { get; set; }

    /// <summary>Method of <see cref="Scope2"/>.</summary>
    public string? Scope2Method { get; set; }
}
