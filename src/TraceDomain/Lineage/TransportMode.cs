namespace Trace.Domain.Lineage;

/// <summary>A transport mode of a shipment leg (GLEC Framework / ISO 14083 mode).</summary>
public enum TransportMode
{
    /// <summary>Road freight (JSON "road").</summary>
    Road = 1,

    /// <summary>Rail freight (JSON "rail").</summary>
    Rail = 2,

    /// <summary>Deep-sea or short-sea shipping (JSON "sea").</summary>
    Sea = 3,

    /// <summary>Inland waterway barge (JSON "inland_waterway").</summary>
    InlandWaterway = 4,

    /// <summary>Air freight (JSON "air").</summary>
    Air = 5,
}
