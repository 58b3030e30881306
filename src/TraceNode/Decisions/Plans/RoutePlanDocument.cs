using System.Text.Json;
using Trace.Client.Canonical;
using Trace.Crypto;
using Trace.Domain.Lineage;

namespace Trace.Node.Decisions.Plans;

/// <summary>
/// The route plan's stored form, <c>trace.route-plan/1</c>: RFC 8785 canonical JSON with decimals as plain strings. Its
/// plan id is "0x" + the SHA-256 of these bytes, so whoever holds the document can check the id a shipment cites.
/// </summary>
public static class RoutePlanDocument
{
    /// <summary>The format member's value.</summary>
    public const string Format = "trace.route-plan/1";

    /// <summary>The canonical bytes of <paramref name="plan"/>.</summary>
    public static byte[] Encode(RoutePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteString("origin", plan.Origin);
            json.WriteString("destination", plan.Destination);
            json.WriteString("cargoTonnes", D(plan.CargoTonnes));
            json.WriteString("deadlineDays", D(plan.DeadlineDays));
            json.WriteString("transferDays", D(plan.TransferDays));
            json.WriteString("factorSetVersion", plan.FactorSetVersion);
            if (plan.FactorSetRecordId is { } record) json.WriteString("factorSetRecordId", record);
            json.WriteString("kgCO2e", D(plan.KgCo2e));
            json.WriteString("days", D(plan.Days));
            json.WriteStartArray("legs");
            foreach (var leg in plan.Legs)
            {
                json.WriteStartObject();
                json.WriteString("laneId", leg.LaneId);
                json.WriteString("mode", TransportModeNames.ToName(leg.Mode));
                json.WriteString("origin", leg.Origin);
                json.WriteString("destination", leg.Destination);
                json.WriteString("distanceKm", D(leg.DistanceKm));
                json.WriteString("days", D(leg.Days));
                json.WriteString("transferDaysBefore", D(leg.TransferDaysBefore));
                json.WriteString("kgCO2ePerTonneKm", D(leg.KgCo2ePerTonneKm));
                json.WriteString("basis", leg.Measured ? "measured" : "factor_set");
                json.WriteString("intensitySource", leg.IntensitySource);
                json.WriteString("kgCO2e", D(leg.KgCo2e));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return JsonCanonicalizer.Canonicalize(buffer.ToArray());
    }

    /// <summary>The plan id of <paramref name="document"/>: "0x" + its SHA-256, lower-case hex.</summary>
    public static string IdOf(ReadOnlySpan<byte> document) => Hex.Encode(Sha256Hash.Hash(document));

    /// <summary>Reads a stored plan.</summary>
    /// <exception cref="FormatException">the bytes are not a <c>trace.route-plan/1</c> document.</exception>
    public static RoutePlan Decode(ReadOnlySpan<byte> document)
    {
        try
        {
            var reader = new Utf8JsonReader(document);
            using var parsed = JsonDocument.ParseValue(ref reader);
            var root = parsed.RootElement;
            if (S(root, "format") != Format) throw new FormatException($"not a {Format} document");
            var legs = new List<RoutePlanLeg>();
            foreach (var leg in root.GetProperty("legs").EnumerateArray())
            {
                if (!TransportModeNames.TryParse(S(leg, "mode"), out var mode)) throw new FormatException($"unknown mode \"{S(leg, "mode")}\"");
                legs.Add(new RoutePlanLeg(S(leg, "laneId"), mode, S(leg, "origin"), S(leg, "destination"), N(leg, "distanceKm"), N(leg, "days"),
                    N(leg, "transferDaysBefore"), N(leg, "kgCO2ePerTonneKm"), S(leg, "basis") == "measured", S(leg, "intensitySource"), N(leg, "kgCO2e")));
            }
            return new RoutePlan(S(root, "origin"), S(root, "destination"), N(root, "cargoTonnes"), N(root, "deadlineDays"), N(root, "transferDays"),
                S(root, "factorSetVersion"), root.TryGetProperty("factorSetRecordId", out var record) ? record.GetString() : null,
                N(root, "kgCO2e"), N(root, "days"), legs);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"not a readable {Format} document: {e.Message}", e);
        }
    }

    private static string D(decimal value) => DecisionDecimals.Plain(value);

    private static string S(JsonElement element, string name) => element.GetProperty(name).GetString() ?? throw new FormatException($"{name} is null");

    private static decimal N(JsonElement element, string name) =>
        DecisionDecimals.TryParse(S(element, name)) ?? throw new FormatException($"{name} is not a decimal string");
}
