namespace Trace.Domain.Lineage;

/// <summary>A UN/ECE Recommendation 20 unit code Trace accepts for quantities, with its mass factor when it is a mass unit.</summary>
/// <remarks>Only mass units convert (exactly, in decimal); every other unit converts only to itself.</remarks>
public sealed record MeasureUnit(string Code, string Name, decimal? KilogramsPerUnit)
{
    public static readonly MeasureUnit Kilogram = new("KGM", "kilogram", 1m);
    public static readonly MeasureUnit Gram = new("GRM", "gram", 0.001m);
    public static readonly MeasureUnit Tonne = new("TNE", "tonne (metric ton)", 1000m);
    public static readonly MeasureUnit Pound = new("LBR", "pound", 0.45359237m);
    public static readonly MeasureUnit Litre = new("LTR", "litre", null);
    public static readonly MeasureUnit CubicMetre = new("MTQ", "cubic metre", null);
    public static readonly MeasureUnit KilowattHour = new("KWH", "kilowatt hour", null);
    public static readonly MeasureUnit Megajoule = new("3B", "megajoule", null);
    public static readonly MeasureUnit Piece = new("H87", "piece", null);
    public static readonly MeasureUnit Metre = new("MTR", "metre", null);
    public static readonly MeasureUnit SquareMetre = new("MTK", "square metre", null);

    /// <summary>Every supported unit, by code.</summary>
    public static IReadOnlyList<MeasureUnit> All { get; } =
        [Kilogram, Gram, Tonne, Pound, Litre, CubicMetre, KilowattHour, Megajoule, Piece, Metre, SquareMetre];

    /// <summary>True for units of mass (they convert among themselves).</summary>
    public bool IsMass => KilogramsPerUnit is not null;

    /// <summary>The unit with this Rec 20 code (exact, upper case), or false.</summary>
    public static bool TryParse(string? code, out MeasureUnit unit)
    {
        foreach (var candidate in All)
            if (string.Equals(candidate.Code, code, StringComparison.Ordinal)) { unit = candidate; return true; }
        unit = null!;
        return false;
    }

    /// <summary>True when an amount in this unit can be expressed in <paramref name="other"/>.</summary>
    public bool ConvertsTo(MeasureUnit other) => Equals(other) || (IsMass && other.IsMass);

    /// <summary>Converts <paramref name="amount"/> of this unit into <paramref name="target"/>; multiplies before dividing.</summary>
    /// <exception cref="InvalidOperationException">the units do not convert.</exception>
    public decimal Convert(decimal amount, MeasureUnit target)
    {
        if (Equals(target)) return amount;
        if (!ConvertsTo(target)) throw new InvalidOperationException($"{Code} does not convert to {target.Code}");
        return amount * KilogramsPerUnit!.Value / target.KilogramsPerUnit!.Value;
    }

    public bool Equals(MeasureUnit? other) => other is not null && other.Code == Code;

    public override int GetHashCode() => Code.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Code;
}
