namespace Trace.Node.Decisions.Storage;

/// <summary>A row of the operator's CBAM default-value table (table CbamDefaultValues), one per CN code.</summary>
public sealed class CbamDefaultValueEntity
{
    /// <summary>8-digit CN code (key).</summary>
    public required string CnCode { get; set; }

    /// <summary>Default specific direct embedded emissions, tCO2e per tonne of good.</summary>
    public decimal DirectTonnesPerTonne { get; set; }

    /// <summary>Default specific indirect embedded emissions, tCO2e per tonne; null when the table gives none.</summary>
    public decimal? IndirectTonnesPerTonne { get; set; }

    /// <summary>True when the price applies to direct and indirect emissions; false for direct only.</summary>
    public bool PricesIndirect { get; set; }

    /// <summary>The publication the values come from.</summary>
    public required string Source { get; set; }

    /// <summary>When the row was last written.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
