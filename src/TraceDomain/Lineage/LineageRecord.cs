namespace Trace.Domain.Lineage;

/// <summary>A parsed structured record of carbon lineage (batch, transformation, shipment or footprint declaration).</summary>
public abstract record LineageRecord
{
    /// <summary>The record's own identifier (batchId, transformationId or shipmentId), equal to the claim's subject id.</summary>
    public abstract string Identifier { get; }

    /// <summary>The record id ("0x" + 64 hex) this record corrects, or null.</summary>
    public string? Supersedes { get; init; }

    /// <summary>Evidence record ids cited anywhere in the record (emission figures, legs, certificates), in order, distinct.</summary>
    public abstract IReadOnlyList<string> CitedRecordIds();

    /// <summary>Distinct ids in first-seen order.</summary>
    protected static IReadOnlyList<string> Distinct(IEnumerable<string> ids) => [.. ids.Distinct(StringComparer.Ordinal)];

    /// <summary>Evidence of both scopes, when stated.</summary>
    protected static IEnumerable<string> EvidenceOf(ScopeEmissions emissions) =>
        (emissions.Scope1?.Evidence ?? []).Concat(emissions.Scope2?.Evidence ?? []);
}
