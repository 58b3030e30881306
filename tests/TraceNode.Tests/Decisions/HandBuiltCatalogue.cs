using Trace.Domain.Lineage;
using Trace.Node.Carbon.Factors;
using Trace.Node.Decisions.Lanes;

namespace Trace.Node.Tests.Decisions;

/// <summary>
/// The hand-built catalogue of tests/TraceApi.Tests/Decisions/scenario/routes.py (Zhengzhou → Duisburg by air, rail,
/// road and sea, 12 lanes, two of them closing cycles) and the shipped factor set it is priced with.
/// </summary>
internal static class HandBuiltCatalogue
{
    public static TransportFactorSet Factors { get; } = TransportFactorProvider.LoadShipped();

    public static IReadOnlyList<Lane> Lanes { get; } =
    [
        Make("L01-road-CGO-SHA", TransportMode.Road, "CNCGO", "CNSHA", 1000m, 2m),
        Make("L02-sea-SHA-RTM", TransportMode.Sea, "CNSHA", "NLRTM", 19500m, 32m, measured: 0.005m),
        Make("L03-road-RTM-DUI", TransportMode.Road, "NLRTM", "DEDUI", 230m, 1m),
        Make("L04-rail-RTM-DUI", TransportMode.Rail, "NLRTM", "DEDUI", 240m, 1.5m),
        Make("L05-rail-CGO-MAL", TransportMode.Rail, "CNCGO", "PLMAL", 9500m, 14m, handling: 1m),
        Make("L06-rail-MAL-DUI", TransportMode.Rail, "PLMAL", "DEDUI", 1100m, 2m),
        Make("L07-road-MAL-DUI", TransportMode.Road, "PLMAL", "DEDUI", 1000m, 1.5m),
        Make("L08-air-CGO-FRA", TransportMode.Air, "CNCGO", "DEFRA", 8200m, 1m, handling: 1m),
        Make("L09-road-FRA-DUI", TransportMode.Road, "DEFRA", "DEDUI", 230m, 0.5m),
        Make("L10-rail-FRA-DUI", TransportMode.Rail, "DEFRA", "DEDUI", 250m, 1m),
        Make("L11-sea-RTM-SHA", TransportMode.Sea, "NLRTM", "CNSHA", 19500m, 32m, measured: 0.005m),
        Make("L12-road-SHA-CGO", TransportMode.Road, "CNSHA", "CNCGO", 1000m, 2m),
    ];

    public static Lane Make(string id, TransportMode mode, string from, string to, decimal km, decimal days, decimal handling = 0m, decimal? measured = null) =>
        new(id, mode, from, to, km, days, handling, measured, measured is null ? null : "carrier's measured fleet average 2025", Lane.OperatorOwner, DateTimeOffset.UnixEpoch);
}
