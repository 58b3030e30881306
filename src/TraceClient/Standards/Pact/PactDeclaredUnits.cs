using Trace.Domain.Lineage;

namespace Trace.Client.Standards.Pact;

/// <summary>
/// PACT declared units and the UN/ECE Rec 20 units Trace counts in. v2 names: liter, kilogram, cubic meter, kilowatt hour,
/// megajoule, ton kilometer, square meter; v3 adds piece (and drops ton kilometer). Trace has no ton-kilometre batches.
/// </summary>
public static class PactDeclaredUnits
{
    private static readonly (string Name, MeasureUnit Unit)[] Names =
    [
        ("kilogram", MeasureUnit.Kilogram), ("liter", MeasureUnit.Litre), ("cubic meter", MeasureUnit.CubicMetre),
        ("kilowatt hour", MeasureUnit.KilowattHour), ("megajoule", MeasureUnit.Megajoule), ("square meter", MeasureUnit.SquareMetre),
        ("piece", MeasureUnit.Piece),
    ];

    /// <summary>The Rec 20 unit of a PACT declared unit name, or false (unknown, or "ton kilometer").</summary>
    public static bool TryToUnit(string? name, out MeasureUnit unit)
    {
        foreach (var (n, u) in Names)
            if (string.Equals(n, name, StringComparison.Ordinal)) { unit = u; return true; }
        unit = null!;
        return false;
    }

    /// <summary>
    /// The PACT declared unit a batch counted in <paramref name="unit"/> is exported per: kilogram for every mass unit
    /// (the footprint is converted per kilogram), the unit's own name otherwise; null for a unit PACT has no name for
    /// (metre), and for piece in v2 (piece is a v3 unit).
    /// </summary>
    public static (string Name, MeasureUnit Unit)? ForBatchUnit(MeasureUnit unit, int majorVersion)
    {
        if (unit.IsMass) return ("kilogram", MeasureUnit.Kilogram);
        foreach (var (n, u) in Names)
            if (u.Equals(unit)) return n == "piece" && majorVersion < 3 ? null : (n, u);
        return null;
    }
}
