namespace Trace.Domain.Lineage;

/// <summary>An emission figure in kgCO2e with its method and the evidence record ids it rests on.</summary>
public sealed record EmissionFigure(decimal KgCo2e, EmissionMethod Method, IReadOnlyList<string> Evidence)
{
    /// <summary>True when the figure is primary data (measured or calculated, not a default factor).</summary>
    public bool IsPrimary => Method is EmissionMethod.Measured or EmissionMethod.Calculated;
}
