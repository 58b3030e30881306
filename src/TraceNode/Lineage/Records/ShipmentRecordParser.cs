using System.Text.Json;
using Trace.Domain;
using Trace.Domain.Lineage;

namespace Trace.Node.Lineage.Records;

/// <summary>Reads a schema-valid shipment record (kind 18) and checks it on its own: identifiers, addresses, cargo mass, legs.</summary>
internal static class ShipmentRecordParser
{
    public static ShipmentRecord Parse(JsonElement root)
    {
        var context = new RecordReadContext(RecordKind.Shipment);
        const string at = RecordFieldPath.Root;
        var id = context.LineageId(root.GetProperty("shipmentId"), $"{at}.shipmentId");
        var batchId = context.BatchId(root.GetProperty("batchId"), $"{at}.batchId").Text;
        var quantity = context.Quantity(root.GetProperty("quantity"), $"{at}.quantity");
        Quantity? cargoMass = null;
        if (RecordReadContext.TryMember(root, "cargoMass", out var cargo))
        {
            cargoMass = context.Quantity(cargo, $"{at}.cargoMass");
            if (!cargoMass.Value.Unit.IsMass) context.Fail($"{at}.cargoMass.unit", $"cargo mass must be in a mass unit (KGM, GRM, TNE, LBR), got {cargoMass.Value.Unit.Code}");
        }
        var drawsFrom = context.OptionalLineageId(root, "drawsFromShipmentId", at);
        if (drawsFrom == id) context.Fail($"{at}.drawsFromShipmentId", "a shipment cannot draw from itself");
        var legs = new List<ShipmentLeg>();
        if (RecordReadContext.TryMember(root, "legs", out var legArray))
        {
            var i = 0;
            foreach (var leg in legArray.EnumerateArray())
            {
                var field = $"{at}.legs[{i++}]";
                var distance = context.Positive(leg.GetProperty("distanceKm"), $"{field}.distanceKm");
                EmissionFigure? measured = null;
                if (RecordReadContext.TryMember(leg, "kgCO2e", out _))
                    measured = context.Figure(leg, field);
                else if (RecordReadContext.OptionalString(leg, "method") is { } method and not "default_factor")
                    context.Fail($"{field}.method", $"\"{method}\" needs a kgCO2e figure; omit method (or say \"default_factor\") to use the mode's default factor");
                else if (context.RecordIdList(leg, "evidence", field).Count > 0)
                    context.Fail($"{field}.evidence", "evidence is cited for a leg without a kgCO2e figure");
                legs.Add(new ShipmentLeg(Mode(leg.GetProperty("mode").GetString()), RecordReadContext.OptionalString(leg, "from"), RecordReadContext.OptionalString(leg, "to"), distance, measured));
            }
        }
        Carrier? carrier = null;
        if (RecordReadContext.TryMember(root, "carrier", out var c))
            carrier = new Carrier(
                RecordReadContext.TryMember(c, "participant", out var cp) ? context.Participant(cp, $"{at}.carrier.participant") : null,
                RecordReadContext.OptionalString(c, "name"));
        return new ShipmentRecord(id, batchId, quantity, cargoMass, drawsFrom, Party(context, root, "from"), Party(context, root, "to"), carrier, legs,
            context.RecordIdList(root, "customsCertificates", at))
        {
            Supersedes = context.OptionalRecordId(root, "supersedes", at),
            RoutePlanId = context.OptionalRecordId(root, "routePlanId", at),
        };
    }

    private static ShipmentParty Party(RecordReadContext context, JsonElement root, string name)
    {
        var party = root.GetProperty(name);
        return new ShipmentParty(context.Participant(party.GetProperty("participant"), $"{RecordFieldPath.Root}.{name}.participant"), RecordReadContext.OptionalString(party, "location"));
    }

    // The schema admits only the five mode names, so a name TryParse does not know never reaches here.
    private static TransportMode Mode(string? mode) =>
        TransportModeNames.TryParse(mode, out var parsed) ? parsed : throw new InvalidOperationException($"transport mode '{mode}' passed the schema");
}
