using System.Text.Json.Nodes;

namespace Trace.Api.Tests.Support;

/// <summary>
/// Valid lineage record bodies (salt added by the signer). Kinds 7, 16, 17 and 18 submitted through SubmitRecord must pass
/// their published schemas at intake, so every test that submits one builds it here.
/// </summary>
public static class LineageBodies
{
    /// <summary>A batch record (kind 16) whose batchId is <paramref name="subjectId"/> (a URN or GS1 Digital Link URI).</summary>
    public static string Batch(string subjectId, string name = "Test product", string amount = "12.5", string unit = "KGM") =>
        BatchObject(subjectId, name, amount, unit).ToJsonString();

    /// <summary>The batch record as an editable object.</summary>
    public static JsonObject BatchObject(string batchId, string name = "Test product", string amount = "12.5", string unit = "KGM") => new()
    {
        ["recordType"] = "trace.batch/v1",
        ["batchId"] = batchId,
        ["product"] = new JsonObject { ["name"] = name },
        ["quantity"] = Quantity(amount, unit),
    };

    /// <summary>A transformation (kind 17) consuming <paramref name="input"/> from the issuer's own stock into <paramref name="output"/>.</summary>
    public static JsonObject Transformation(string id, string input, string inputTonnes, string output, string outputTonnes) => new()
    {
        ["recordType"] = "trace.transformation/v1",
        ["transformationId"] = id,
        ["inputs"] = new JsonArray(new JsonObject { ["batchId"] = input, ["quantity"] = Quantity(inputTonnes, "TNE") }),
        ["outputs"] = new JsonArray(new JsonObject { ["batchId"] = output, ["quantity"] = Quantity(outputTonnes, "TNE") }),
        ["allocation"] = "mass",
        ["emissions"] = new JsonObject { ["scope1"] = new JsonObject { ["kgCO2e"] = "1000", ["method"] = "measured" } },
    };

    /// <summary>A shipment (kind 18) of <paramref name="tonnes"/> of a batch between two addresses, transport not reported.</summary>
    public static JsonObject Shipment(string id, string batchId, string tonnes, string from, string to) => new()
    {
        ["recordType"] = "trace.shipment/v1",
        ["shipmentId"] = id,
        ["batchId"] = batchId,
        ["quantity"] = Quantity(tonnes, "TNE"),
        ["from"] = new JsonObject { ["participant"] = from, ["location"] = "CNNGB" },
        ["to"] = new JsonObject { ["participant"] = to, ["location"] = "NLRTM" },
    };

    /// <summary>A footprint declaration (kind 7, structured) of <paramref name="kgPerKg"/> kgCO2e per kilogram for a batch.</summary>
    public static JsonObject FootprintDeclaration(string batchId, string kgPerKg) => new()
    {
        ["recordType"] = "trace.footprint-declaration/v1",
        ["batchId"] = batchId,
        ["declaredUnit"] = "kilogram",
        ["unitaryProductAmount"] = "1",
        ["pcf"] = new JsonObject { ["pCfExcludingBiogenic"] = kgPerKg, ["primaryDataShare"] = "50" },
    };

    private static JsonObject Quantity(string amount, string unit) => new() { ["amount"] = amount, ["unit"] = unit };
}
