using System.Text.Json.Nodes;

namespace Trace.Api.Tests.Lineage;

/// <summary>Lineage record bodies as published in docs/schemas, with emissions and legs (salt added by the signer).</summary>
internal static class LineageJson
{
    public static JsonObject Quantity(string amount, string unit = "TNE") => new() { ["amount"] = amount, ["unit"] = unit };

    public static JsonObject Figure(string kg, string method, params string[] evidence)
    {
        var figure = new JsonObject { ["kgCO2e"] = kg, ["method"] = method };
        if (evidence.Length > 0) figure["evidence"] = new JsonArray([.. evidence.Select(e => (JsonNode)JsonValue.Create(e)!)]);
        return figure;
    }

    public static JsonObject Emissions(JsonObject? scope1, JsonObject? scope2)
    {
        var emissions = new JsonObject();
        if (scope1 is not null) emissions["scope1"] = scope1;
        if (scope2 is not null) emissions["scope2"] = scope2;
        return emissions;
    }

    public static JsonObject Batch(string batchId, string tonnes, JsonObject? scope1 = null, JsonObject? scope2 = null)
    {
        var body = new JsonObject
        {
            ["recordType"] = "trace.batch/v1",
            ["batchId"] = batchId,
            ["product"] = new JsonObject { ["name"] = "product " + batchId[^6..] },
            ["quantity"] = Quantity(tonnes),
        };
        if (scope1 is not null || scope2 is not null) body["emissions"] = Emissions(scope1, scope2);
        return body;
    }

    public static JsonObject Input(string batchId, string tonnes, string? shipmentId = null)
    {
        var input = new JsonObject { ["batchId"] = batchId, ["quantity"] = Quantity(tonnes) };
        if (shipmentId is not null) input["shipmentId"] = shipmentId;
        return input;
    }

    public static JsonObject Output(string batchId, string tonnes) => new() { ["batchId"] = batchId, ["quantity"] = Quantity(tonnes) };

    public static JsonObject Transformation(string id, JsonObject[] inputs, JsonObject[] outputs, JsonObject? scope1 = null, JsonObject? scope2 = null, string? supersedes = null)
    {
        var body = new JsonObject
        {
            ["recordType"] = "trace.transformation/v1",
            ["transformationId"] = id,
            ["inputs"] = new JsonArray([.. inputs]),
            ["outputs"] = new JsonArray([.. outputs]),
            ["allocation"] = "mass",
        };
        if (scope1 is not null || scope2 is not null) body["emissions"] = Emissions(scope1, scope2);
        if (supersedes is not null) body["supersedes"] = supersedes;
        return body;
    }

    public static JsonObject Shipment(string id, string batchId, string tonnes, string from, string to, params JsonObject[] legs)
    {
        var body = new JsonObject
        {
            ["recordType"] = "trace.shipment/v1",
            ["shipmentId"] = id,
            ["batchId"] = batchId,
            ["quantity"] = Quantity(tonnes),
            ["from"] = new JsonObject { ["participant"] = from, ["location"] = "AUPHE" },
            ["to"] = new JsonObject { ["participant"] = to, ["location"] = "CNNGB" },
        };
        if (legs.Length > 0) body["legs"] = new JsonArray([.. legs]);
        return body;
    }

    public static JsonObject MeasuredLeg(string mode, string km, string kg) => new()
    {
        ["mode"] = mode, ["from"] = "AUPHE", ["to"] = "CNNGB", ["distanceKm"] = km, ["kgCO2e"] = kg, ["method"] = "measured",
    };
}
