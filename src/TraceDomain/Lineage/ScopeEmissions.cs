namespace Trace.Domain.Lineage;

/// <summary>Scope 1 (direct) and scope 2 (purchased energy) emissions stated by a record; either may be absent (0).</summary>
public sealed record ScopeEmissions(EmissionFigure? Scope1, EmissionFigure? Scope2)
{
    /// <summary>No emissions stated.</summary>
    public static readonly ScopeEmissions None = new(null, null);

    /// <summary>Scope 1 + scope 2 in kgCO2e.</summary>
    public decimal TotalKgCo2e => (Scope1?.KgCo2e ?? 0m) + (Scope2?.KgCo2e ?? 0m);

    /// <summary>True when neither scope carries a non-zero figure.</summary>
    public bool IsEmpty => Scope1 is null && Scope2 is null;
}
