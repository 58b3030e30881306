using System.Text.RegularExpressions;
using Trace.Domain;
using Trace.Domain.Identifiers;
using Trace.Domain.Lineage;

namespace Trace.Node.Decisions.Lanes;

/// <summary>The rules every lane obeys, from the operator's file, an admin call or a carrier's submission alike.</summary>
public static partial class LaneRules
{
    /// <summary>Longest intensity source text.</summary>
    public const int MaxSourceLength = 512;

    /// <summary>
    /// Builds a lane from its text fields, refusing with <see cref="InvalidFieldException"/> whose field is
    /// <paramref name="path"/> + the member (e.g. <c>lanes[2].distance_km</c>).
    /// </summary>
    public static Lane Build(string path, string? laneId, TransportMode? mode, string? origin, string? destination, string? distanceKm,
        string? transitDays, string? handlingDays, string? measured, string? source, string owner, DateTimeOffset now, Func<string, string> name)
    {
        if (laneId is null || !LaneIdPattern().IsMatch(laneId))
            throw new InvalidFieldException(path + name("lane_id"), $"\"{laneId}\" is not a lane id (1-64 letters, digits, '.', '_', ':', '-')");
        if (mode is not { } m || !Enum.IsDefined(m))
            throw new InvalidFieldException(path + name("mode"), "is required: one of road, rail, sea, inland_waterway, air");
        if (!UnLocode.IsValid(origin))
            throw new InvalidFieldException(path + name("origin"), $"\"{origin}\" is not a UN/LOCODE (2-letter country + 3 characters A-Z or 2-9, e.g. \"NLRTM\")");
        if (!UnLocode.IsValid(destination))
            throw new InvalidFieldException(path + name("destination"), $"\"{destination}\" is not a UN/LOCODE (2-letter country + 3 characters A-Z or 2-9, e.g. \"DEHAM\")");
        if (origin == destination) throw new InvalidFieldException(path + name("destination"), "must differ from origin");
        var distance = DecisionDecimals.Positive(distanceKm, path + name("distance_km"));
        var transit = DecisionDecimals.Positive(transitDays, path + name("transit_days"));
        var handling = string.IsNullOrEmpty(handlingDays) ? 0m : DecisionDecimals.NonNegative(handlingDays, path + name("handling_days"));
        decimal? intensity = string.IsNullOrEmpty(measured) ? null : DecisionDecimals.NonNegative(measured, path + name("measured_kg_co2e_per_tonne_km"));
        if (intensity is not null && string.IsNullOrWhiteSpace(source))
            throw new InvalidFieldException(path + name("intensity_source"), "is required with a measured intensity: say where the figure comes from");
        if (intensity is null && !string.IsNullOrEmpty(source))
            throw new InvalidFieldException(path + name("intensity_source"), "is only allowed with measured_kg_co2e_per_tonne_km");
        if (source is { Length: > MaxSourceLength }) throw new InvalidFieldException(path + name("intensity_source"), $"longer than {MaxSourceLength} characters");
        return new Lane(laneId, m, origin!, destination!, distance, transit, handling, intensity, intensity is null ? null : source, owner, now);
    }

    /// <summary>True when <paramref name="laneId"/> has the lane id form.</summary>
    public static bool IsLaneId(string? laneId) => laneId is not null && LaneIdPattern().IsMatch(laneId);

    [GeneratedRegex(@"^[A-Za-z0-9._:\-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex LaneIdPattern();
}
