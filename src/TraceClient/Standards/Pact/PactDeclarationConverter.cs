using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Trace.Client.Claims;
using Trace.Domain;
using Trace.Domain.Lineage;

namespace Trace.Client.Standards.Pact;

/// <summary>
/// Turns a supplier's PACT ProductFootprint (v2 or v3; bare, or a GetFootprint / ListFootprints response holding one)
/// into the unsigned footprint declaration record (kind 7, docs/schemas/footprint-declaration.schema.json) the supplier
/// signs: Trace never holds supplier keys. Every member it reads is checked (types, ranges, dates, units) and so is the
/// arithmetic docs/pact.md lists (parts against totals, the v3 uptake sum, per-declared-unit consistency); a refusal is
/// an <see cref="InvalidFieldException"/> naming the member by its path in the document, e.g. "pcf.fossilGhgEmissions"
/// or "data[0].updated".
/// </summary>
public static class PactDeclarationConverter
{
    private static readonly string[] V2Optional = ["pCfIncludingBiogenic", "dLucGhgEmissions", "landManagementGhgEmissions", "otherBiogenicGhgEmissions", "iLucGhgEmissions", "biogenicCarbonWithdrawal", "aircraftGhgEmissions"];

    /// <summary>The declaration for <paramref name="batchId"/>, as a draft to salt and sign (<see cref="ClaimSigner.StructuredRecord"/>).</summary>
    /// <param name="batchUnit">The batch's Rec 20 unit when known: the declared unit must convert to it.</param>
    /// <exception cref="InvalidFieldException">the document is not a usable ProductFootprint; the field names the member.</exception>
    public static RecordDraft Convert(string productFootprintJson, string batchId, string? batchUnit = null)
    {
        ArgumentNullException.ThrowIfNull(productFootprintJson);
        if (string.IsNullOrWhiteSpace(batchId)) throw new InvalidFieldException("batch_id", "is required: the batch the declaration is for");
        JsonNode? root;
        try { root = JsonNode.Parse(productFootprintJson); }
        catch (JsonException ex) { throw new InvalidFieldException("$", "is not JSON: " + ex.Message); }
        var (pf, at) = Unwrap(root);
        var reader = new PactReader(pf, at);
        var body = new JsonObject { ["recordType"] = "trace.footprint-declaration/v1", ["batchId"] = batchId };
        var spec = reader.Require<string>("specVersion");
        var major = spec.Split('.') is [var m, _, ..] && (m is "2" or "3") ? int.Parse(m, CultureInfo.InvariantCulture)
            : throw reader.Fail("specVersion", $"\"{spec}\" is not a PACT v2 or v3 version (2.x.y or 3.x.y)");
        ReadHeader(reader, major, body);
        var pcf = reader.Object("pcf");
        var figures = major == 2 ? ReadV2(pcf, body) : ReadV3(pcf, body);
        CheckValidity(reader, pcf);
        CheckUnit(pcf, major, body, batchUnit);
        body["pcf"] = figures;
        body["extensions"] = new JsonObject
        {
            ["pact"] = new JsonObject
            {
                ["specVersion"] = spec,
                ["id"] = reader.Require<string>("id"),
                ["companyName"] = reader.Optional<string>("companyName"),
                ["productIds"] = reader.Node("productIds")?.DeepClone(),
            },
        };
        return new RecordDraft(batchId, Trace.Protos.V1.RecordKind.ProductCarbonFootprint, body.ToJsonString());
    }

    private static (JsonObject Pf, string At) Unwrap(JsonNode? root)
    {
        if (root is not JsonObject o) throw new InvalidFieldException("$", "a ProductFootprint is a JSON object");
        if (!o.ContainsKey("data")) return (o, "");
        return o["data"] switch
        {
            JsonObject one => (one, "data"),
            JsonArray { Count: 1 } list when list[0] is JsonObject first => (first, "data[0]"),
            JsonArray list => throw new InvalidFieldException("data", $"holds {list.Count} footprints: convert one ProductFootprint at a time"),
            _ => throw new InvalidFieldException("data", "must be a ProductFootprint object or a list of one"),
        };
    }

    private static void ReadHeader(PactReader r, int major, JsonObject body)
    {
        var id = r.Require<string>("id");
        if (!Guid.TryParseExact(id, "D", out _)) throw r.Fail("id", $"\"{id}\" is not a UUID");
        body["pactProductFootprintId"] = id.ToLowerInvariant();
        if (major == 2)
        {
            var version = r.Node("version") ?? throw r.Fail("version", "is required in PACT v2");
            if (version.GetValueKind() != JsonValueKind.Number || !version.AsValue().TryGetValue<int>(out var v) || v < 0)
                throw r.Fail("version", "must be an integer >= 0");
        }
        r.Time("created", required: true);
        r.Time("updated", required: false);
        var status = r.Require<string>("status");
        if (status == "Deprecated") throw r.Fail("status", "the footprint is Deprecated: PACT says a data recipient SHOULD NOT use it");
        if (status != "Active") throw r.Fail("status", $"\"{status}\" is not Active or Deprecated");
        if (string.IsNullOrEmpty(r.Require<string>("companyName"))) throw r.Fail("companyName", "must not be empty");
        r.Urns("companyIds");
        r.Urns("productIds");
        r.Time("validityPeriodStart", required: false);
        r.Time("validityPeriodEnd", required: false);
    }

    private static JsonObject ReadV2(PactReader r0, JsonObject body)
    {
        var r = r0;
        var unit = r.Require<string>("declaredUnit");
        body["declaredUnit"] = unit;
        body["unitaryProductAmount"] = r.Decimal("unitaryProductAmount", required: true, min: 0m, strictMin: true)!;
        var pcf = new JsonObject();
        var excluding = r.Decimal("pCfExcludingBiogenic", required: true, min: 0m)!;
        pcf["pCfExcludingBiogenic"] = excluding;
        var fossil = r.Decimal("fossilGhgEmissions", required: true, min: 0m)!;
        pcf["fossilGhgEmissions"] = fossil;
        pcf["fossilCarbonContent"] = r.Decimal("fossilCarbonContent", required: true, min: 0m);
        pcf["biogenicCarbonContent"] = r.Decimal("biogenicCarbonContent", required: true, min: 0m);
        foreach (var name in V2Optional)
        {
            var value = name switch
            {
                "pCfIncludingBiogenic" or "landManagementGhgEmissions" => r.Decimal(name, required: false),
                "biogenicCarbonWithdrawal" => r.Decimal(name, required: false, max: 0m),
                _ => r.Decimal(name, required: false, min: 0m),
            };
            if (value is not null) pcf[name] = value;
        }
        var packaging = r.Bool("packagingEmissionsIncluded", required: true);
        pcf["packagingEmissionsIncluded"] = packaging;
        var packagingGhg = r.Decimal("packagingGhgEmissions", required: false, min: 0m);
        var share = r.Percent("primaryDataShare", 100m);
        if (share is not null) pcf["primaryDataShare"] = share;
        CheckDqi(r);
        r.Percent("exemptedEmissionsPercent", 5m, required: true);
        var (start, end) = r.Period();
        pcf["referencePeriodStart"] = start;
        pcf["referencePeriodEnd"] = end;
        var factors = r.Require<string>("characterizationFactors");
        if (factors is not ("AR5" or "AR6")) throw r.Fail("characterizationFactors", $"\"{factors}\" is not AR5 or AR6");
        pcf["characterizationFactors"] = factors;
        var standards = r.Node("crossSectoralStandardsUsed") as JsonArray ?? throw r.Fail("crossSectoralStandardsUsed", "is required: a list of standards");
        var known = new JsonArray();
        for (var i = 0; i < standards.Count; i++)
        {
            var s = standards[i]?.GetValueKind() == JsonValueKind.String ? standards[i]!.GetValue<string>() : null;
            if (s is not ("GHG Protocol Product standard" or "ISO Standard 14067" or "ISO Standard 14044"))
                throw r.Fail($"crossSectoralStandardsUsed[{i}]", "is not one of \"GHG Protocol Product standard\", \"ISO Standard 14067\", \"ISO Standard 14044\"");
            known.Add(s);
        }
        if (known.Count > 0) pcf["crossSectoralStandardsUsed"] = known;
        var boundary = r.Require<string>("boundaryProcessesDescription");
        if (boundary.Length > 4096) throw r.Fail("boundaryProcessesDescription", "is longer than the 4096 characters a declaration keeps");
        if (boundary.Length > 0) pcf["boundaryProcessesDescription"] = boundary;

        // Parts against totals (docs/pact.md): the PCF excluding biogenic CO2 contains every fossil emission, the
        // aircraft emissions of the product's transport and, when included, the packaging emissions.
        var total = Value(excluding);
        if (Value(fossil) > total) throw r.Fail("fossilGhgEmissions", $"{fossil} exceeds pCfExcludingBiogenic {excluding}, which includes every fossil emission");
        if (pcf["aircraftGhgEmissions"] is { } air && Value(air) > total)
            throw r.Fail("aircraftGhgEmissions", $"{air} exceeds pCfExcludingBiogenic {excluding}, which includes the product's aircraft emissions");
        if (packaging && packagingGhg is not null && Value(packagingGhg) > total)
            throw r.Fail("packagingGhgEmissions", $"{packagingGhg} exceeds pCfExcludingBiogenic {excluding}, which includes the packaging emissions (packagingEmissionsIncluded is true)");
        r.MassPerDeclaredUnit(unit);
        return pcf;
    }

    private static JsonObject ReadV3(PactReader r, JsonObject body)
    {
        var unit = r.Require<string>("declaredUnitOfMeasurement");
        body["declaredUnit"] = unit;
        body["unitaryProductAmount"] = r.Decimal("declaredUnitAmount", required: true, min: 0m, strictMin: true)!;
        r.Decimal("productMassPerDeclaredUnit", required: true, min: 0m);
        r.MassPerDeclaredUnit(unit);
        var pcf = new JsonObject();
        var excluding = r.Decimal("pcfExcludingBiogenicUptake", required: true)!;
        if (Value(excluding) < 0m) throw r.Fail("pcfExcludingBiogenicUptake", $"{excluding} is negative: Trace rolls up footprints >= 0");
        pcf["pCfExcludingBiogenic"] = excluding;
        var including = r.Decimal("pcfIncludingBiogenicUptake", required: true)!;
        pcf["pCfIncludingBiogenic"] = including;
        var uptake = r.Decimal("biogenicCO2Uptake", required: false, max: 0m);
        var fossil = r.Decimal("fossilGhgEmissions", required: true, min: 0m)!;
        pcf["fossilGhgEmissions"] = fossil;
        pcf["fossilCarbonContent"] = r.Decimal("fossilCarbonContent", required: true, min: 0m);
        pcf["biogenicCarbonContent"] = r.Decimal("biogenicCarbonContent", required: true, min: 0m);
        if (r.Decimal("landUseChangeGhgEmissions", required: false, min: 0m) is { } luc) pcf["dLucGhgEmissions"] = luc;
        if (r.Decimal("aircraftGhgEmissions", required: false, min: 0m) is { } air) pcf["aircraftGhgEmissions"] = air;
        foreach (var name in (string[])["recycledCarbonContent", "landCarbonLeakage", "landManagementFossilGhgEmissions", "landManagementBiogenicCO2Emissions", "biogenicNonCO2Emissions", "landAreaOccupation", "packagingGhgEmissions"])
            r.Decimal(name, required: false, min: 0m);
        r.Decimal("landManagementBiogenicCO2Removals", required: false, max: 0m);
        pcf["packagingEmissionsIncluded"] = r.Bool("packagingEmissionsIncluded", required: true);
        if (r.Percent("primaryDataShare", 100m, asString: true) is { } share) pcf["primaryDataShare"] = share;
        CheckDqi(r, asString: true);
        r.Percent("exemptedEmissionsPercent", 5m, required: true, asString: true);
        var (start, end) = r.Period();
        pcf["referencePeriodStart"] = start;
        pcf["referencePeriodEnd"] = end;
        if (r.Node("ipccCharacterizationFactors") is JsonArray ipcc && ipcc.Count > 0)
        {
            var names = ipcc.Select(n => n?.GetValueKind() == JsonValueKind.String ? n.GetValue<string>() : null).ToList();
            if (names.Contains("AR6")) pcf["characterizationFactors"] = "AR6";
            else if (names.Contains("AR5")) pcf["characterizationFactors"] = "AR5";
        }
        else throw r.Fail("ipccCharacterizationFactors", "is required: a non-empty list such as [\"AR6\"]");
        if (r.Node("crossSectoralStandards") is JsonArray standards)
        {
            var mapped = new JsonArray();
            foreach (var s in standards.Select(n => n?.GetValueKind() == JsonValueKind.String ? n.GetValue<string>() : null))
                if (s switch { "GHGP-Product" => "GHG Protocol Product standard", "ISO14067" => "ISO Standard 14067", "ISO14044" => "ISO Standard 14044", _ => null } is { } v2Name)
                    mapped.Add(v2Name);
            if (mapped.Count > 0) pcf["crossSectoralStandardsUsed"] = mapped;
        }
        if (r.Optional<string>("boundaryProcessesDescription") is { Length: > 0 } boundary)
        {
            if (boundary.Length > 4096) throw r.Fail("boundaryProcessesDescription", "is longer than the 4096 characters a declaration keeps");
            pcf["boundaryProcessesDescription"] = boundary;
        }

        // PACT v3 methodology: the PCF including biogenic uptake is the PCF excluding it plus the (negative) biogenic
        // CO2 uptake (wbcsd/data-exchange-protocol#148). Agreement within half a unit of the least precise figure's
        // last decimal place, since each figure was rounded on its own.
        if (uptake is not null)
        {
            var expected = Value(excluding) + Value(uptake);
            var places = new[] { "pcfExcludingBiogenicUptake", "pcfIncludingBiogenicUptake", "biogenicCO2Uptake" }
                .Min(n => PactDecimals.DecimalPlaces(r.Require<string>(n)));
            var tolerance = 0.5m / Pow10(places);
            if (Math.Abs(Value(including) - expected) > tolerance)
                throw r.Fail("pcfIncludingBiogenicUptake", $"{including} is not pcfExcludingBiogenicUptake {excluding} + biogenicCO2Uptake {uptake} = {PactDecimals.Format(expected)}");
        }
        if (pcf["aircraftGhgEmissions"] is { } a && Value(a) > Value(fossil))
            throw r.Fail("aircraftGhgEmissions", $"{a} exceeds fossilGhgEmissions {fossil}, which includes fuel combustion in transport");
        return pcf;
    }

    private static void CheckDqi(PactReader r, bool asString = false)
    {
        if (r.Node("dqi") is null) return;
        var dqi = r.Object("dqi");
        dqi.Percent("coveragePercent", 100m, asString: asString);
        foreach (var name in (string[])["technologicalDQR", "temporalDQR", "geographicalDQR", "completenessDQR", "reliabilityDQR"])
            dqi.Rating(name, asString, asString ? 5m : 3m);
    }

    private static void CheckValidity(PactReader header, PactReader pcf)
    {
        // PACT: a validity period starts at or after the reference period's end and lasts at most 3 years beyond it.
        var referenceEnd = pcf.Time("referencePeriodEnd", required: true)!.Value;
        var start = header.Time("validityPeriodStart", required: false);
        var end = header.Time("validityPeriodEnd", required: false);
        if (start is { } s && s < referenceEnd) throw header.Fail("validityPeriodStart", "is before pcf.referencePeriodEnd");
        if (end is { } e)
        {
            if (start is { } s2 && e <= s2) throw header.Fail("validityPeriodEnd", "is not after validityPeriodStart");
            if (e > referenceEnd.AddYears(3)) throw header.Fail("validityPeriodEnd", "is more than 3 years after pcf.referencePeriodEnd");
        }
    }

    private static void CheckUnit(PactReader pcf, int major, JsonObject body, string? batchUnit)
    {
        var name = body["declaredUnit"]!.GetValue<string>();
        var member = major == 2 ? "declaredUnit" : "declaredUnitOfMeasurement";
        if (!PactDeclaredUnits.TryToUnit(name, out var unit) || (major == 2 && name == "piece"))
            throw pcf.Fail(member, $"\"{name}\" is not a declared unit Trace can apply to a batch (kilogram, liter, cubic meter, kilowatt hour, megajoule, square meter{(major == 3 ? ", piece" : "")})");
        if (batchUnit is null) return;
        if (!MeasureUnit.TryParse(batchUnit, out var b)) throw new InvalidFieldException("batch_unit", $"unknown unit \"{batchUnit}\"");
        if (!unit.ConvertsTo(b))
            throw pcf.Fail(member, $"the footprint is per {name} ({unit.Code}), which does not convert to the batch's unit {b.Code}");
    }

    private static decimal Value(JsonNode node) => decimal.Parse(node.GetValue<string>(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    private static decimal Pow10(int n)
    {
        var p = 1m;
        for (var i = 0; i < n && i < 28; i++) p *= 10m;
        return p;
    }
}
