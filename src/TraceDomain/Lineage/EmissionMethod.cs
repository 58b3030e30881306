namespace Trace.Domain.Lineage;

/// <summary>How an emission figure was obtained; measured and calculated figures are primary data.</summary>
public enum EmissionMethod
{
    /// <summary>Metered or measured at the source (JSON "measured").</summary>
    Measured = 1,

    /// <summary>Calculated from the site's own activity data (JSON "calculated").</summary>
    Calculated = 2,

    /// <summary>A default or database emission factor, not the site's own data (JSON "default_factor").</summary>
    DefaultFactor = 3,
}
