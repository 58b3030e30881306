namespace Trace.Node.Decisions.Storage;

/// <summary>A row of the lane catalogue (table Lanes); decimals stored as text so they come back to the digit.</summary>
public sealed class LaneEntity
{
    /// <summary>The lane id (key).</summary>
    public required string LaneId { get; set; }

    /// <summary>Transport mode name ("road", "rail", "sea", "inland_waterway", "air").</summary>
    public required string Mode { get; set; }

    /// <summary>Origin UN/LOCODE.</summary>
    public required string Origin { get; set; }

    /// <summary>Destination UN/LOCODE.</summary>
    public required string Destination { get; set; }

    /// <summary>Distance in km.</summary>
    public decimal DistanceKm { get; set; }

    /// <summary>Transit days.</summary>
    public decimal TransitDays { get; set; }

    /// <summary>Handling days stated apart.</summary>
    public decimal HandlingDays { get; set; }

    /// <summary>Measured intensity, kgCO2e per tonne-km; null uses the factor set.</summary>
    public decimal? MeasuredKgCo2ePerTonneKm { get; set; }

    /// <summary>Source of the measured intensity.</summary>
    public string? IntensitySource { get; set; }

    /// <summary>"operator" or the submitting carrier's participant id.</summary>
    public required string Owner { get; set; }

    /// <summary>When the row was last written.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
