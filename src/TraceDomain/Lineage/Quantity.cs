namespace Trace.Domain.Lineage;

/// <summary>An amount of something in a UN/ECE Rec 20 unit; the amount is positive.</summary>
public readonly record struct Quantity(decimal Amount, MeasureUnit Unit)
{
    /// <summary>This quantity in <paramref name="target"/> (mass units convert; others only to themselves).</summary>
    public decimal In(MeasureUnit target) => Unit.Convert(Amount, target);

    /// <summary>Mass in tonnes, or null when the unit is not a mass.</summary>
    public decimal? Tonnes => Unit.IsMass ? In(MeasureUnit.Tonne) : null;

    public override string ToString() => $"{Amount} {Unit.Code}";
}
