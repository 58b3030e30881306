namespace Trace.Domain.Lineage;

/// <summary>The JSON names of transport modes, as shipment legs and factor sets spell them.</summary>
public static class TransportModeNames
{
    private static readonly (TransportMode Mode, string Name)[] Names =
    [
        (TransportMode.Road, "road"),
        (TransportMode.Rail, "rail"),
        (TransportMode.Sea, "sea"),
        (TransportMode.InlandWaterway, "inland_waterway"),
        (TransportMode.Air, "air"),
    ];

    /// <summary>Every mode, in the order a factor set lists them.</summary>
    public static IReadOnlyList<TransportMode> All { get; } = [.. Names.Select(n => n.Mode)];

    /// <summary>The JSON name of <paramref name="mode"/> ("inland_waterway", ...).</summary>
    public static string ToName(TransportMode mode) =>
        Names.FirstOrDefault(n => n.Mode == mode).Name ?? throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown transport mode");

    /// <summary>The mode named <paramref name="name"/> (exact, lower case), or false.</summary>
    public static bool TryParse(string? name, out TransportMode mode)
    {
        foreach (var (m, n) in Names)
        {
            if (string.Equals(n, name, StringComparison.Ordinal))
            {
                mode = m;
                return true;
            }
        }
        mode = default;
        return false;
    }
}
