using System.Text.Json.Nodes;
using Trace.Domain;
using Trace.Domain.Identifiers;
using Trace.Domain.Lineage;

namespace Trace.Client.Standards.Pact;

/// <summary>
/// Writes a <see cref="PactFootprintSource"/> as a PACT ProductFootprint: v2 (specVersion 2.3.0, valid against the
/// PACT v2 data model schema) or v3 (specVersion 3.0.0), with primaryDataShare and dqi from the lineage and the Trace
/// lineage extension. docs/pact.md has the mapping table.
/// </summary>
public static class PactProductFootprintWriter
{
    /// <summary>specVersion written by <see cref="ToV2"/>.</summary>
    public const string V2SpecVersion = "2.3.0";

    /// <summary>specVersion written by <see cref="ToV3"/>.</summary>
    public const string V3SpecVersion = "3.0.0";

    /// <summary>The ProductFootprint in PACT v2.</summary>
    /// <exception cref="InvalidFieldException">the batch's unit has no PACT v2 declared unit (field "unit").</exception>
    public static JsonObject ToV2(PactFootprintSource source) => Write(source, 2);

    /// <summary>The ProductFootprint in PACT v3.</summary>
    /// <exception cref="InvalidFieldException">the batch's unit has no PACT v3 declared unit (field "unit").</exception>
    public static JsonObject ToV3(PactFootprintSource source) => Write(source, 3);

    private static JsonObject Write(PactFootprintSource s, int major)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (!MeasureUnit.TryParse(s.Unit, out var batchUnit)) throw new InvalidFieldException("unit", $"unknown batch unit \"{s.Unit}\"");
        var declared = PactDeclaredUnits.ForBatchUnit(batchUnit, major)
            ?? throw new InvalidFieldException("unit", $"the batch is counted in {batchUnit.Code} ({batchUnit.Name}), which PACT v{major} has no declared unit for"
                + (major < 3 && batchUnit.Code == "H87" ? "; export it as PACT v3 (declared unit \"piece\")" : ""));
        var quantityInDeclared = batchUnit.Convert(s.Quantity, declared.Unit);
        var figures = Figures(s, declared.Unit, quantityInDeclared);
        var quality = PactDataQuality.Of(s.TotalKgCo2e, s.PrimaryKgCo2e, s.VerifiedKgCo2e, s.TransportNotReported, s.WithdrawnRecordIds.Count > 0);
        var (periodStart, periodEnd) = ReferencePeriod(s);

        var pf = new JsonObject
        {
            ["id"] = s.Id.ToString("D"),
            ["specVersion"] = major == 2 ? V2SpecVersion : V3SpecVersion,
        };
        if (major == 2) pf["version"] = 1;
        pf["created"] = Time(s.Created);
        if (s.ComputedAt > s.Created) pf["updated"] = Time(s.ComputedAt);
        pf["status"] = "Active";
        pf["companyName"] = string.IsNullOrWhiteSpace(s.CompanyName) ? s.Producer : s.CompanyName;
        pf["companyIds"] = new JsonArray($"urn:trace:participant:{s.ChainId}:{s.Producer}");
        pf["productDescription"] = $"{s.ProductName}, batch {s.BatchId} ({PactDecimals.Format(s.Quantity)} {batchUnit.Code}): cradle-to-gate footprint "
            + (s.Declared ? "declared by the supplier (PACT import) and held by Trace." : "computed by Trace from its lineage records.");
        pf["productIds"] = ProductIds(s);
        if (major == 2) pf["productCategoryCpc"] = "n/a"; // Trace records carry no CPC code (docs/pact.md)
        pf["productNameCompany"] = s.ProductName;
        pf["comment"] = Comment(s);
        pf["pcf"] = major == 2 ? PcfV2(s, declared.Name, figures, quality, periodStart, periodEnd)
                               : PcfV3(s, declared.Name, figures, quality, periodStart, periodEnd);
        pf["extensions"] = new JsonArray(Extension(s));
        return pf;
    }

    /// <summary>Per-declared-unit figures: pCfExcludingBiogenic and, for a declared batch, its other figures rescaled.</summary>
    private static Dictionary<string, string> Figures(PactFootprintSource s, MeasureUnit unit, decimal quantityInDeclared)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (s.Declared && s.DeclaredPcf is { } pcf && pcf.TryGetValue("declaredUnit", out var dn) && PactDeclaredUnits.TryToUnit(dn, out var du)
            && pcf.TryGetValue("unitaryProductAmount", out var upaText) && PactDecimals.TryParse(upaText, out var upa) && upa > 0m && unit.ConvertsTo(du))
        {
            // One export unit is r declaration units-of-footprint: every per-unit figure scales by r.
            var r = unit.Convert(1m, du) / upa;
            foreach (var (name, text) in pcf)
                if (name is not ("declaredUnit" or "unitaryProductAmount" or "primaryDataShare") && PactDecimals.TryParse(text, out var value)
                    && !name.StartsWith("referencePeriod", StringComparison.Ordinal))
                    result[name] = PactDecimals.FormatForRecord(r == 1m ? value : value * r);
            return result;
        }
        result["pCfExcludingBiogenic"] = PactDecimals.FormatForRecord(s.TotalKgCo2e / quantityInDeclared);
        return result;
    }

    private static JsonObject PcfV2(PactFootprintSource s, string declaredUnit, Dictionary<string, string> f, PactDataQuality? q, DateTimeOffset start, DateTimeOffset end)
    {
        var excluding = f["pCfExcludingBiogenic"];
        var pcf = new JsonObject
        {
            ["declaredUnit"] = declaredUnit,
            ["unitaryProductAmount"] = "1",
            ["pCfExcludingBiogenic"] = excluding,
            ["pCfIncludingBiogenic"] = f.GetValueOrDefault("pCfIncludingBiogenic", excluding),
            ["fossilGhgEmissions"] = f.GetValueOrDefault("fossilGhgEmissions", excluding),
            ["fossilCarbonContent"] = f.GetValueOrDefault("fossilCarbonContent", "0"),
            ["biogenicCarbonContent"] = f.GetValueOrDefault("biogenicCarbonContent", "0"),
        };
        foreach (var name in (string[])["dLucGhgEmissions", "landManagementGhgEmissions", "otherBiogenicGhgEmissions", "iLucGhgEmissions", "biogenicCarbonWithdrawal", "aircraftGhgEmissions"])
            if (f.TryGetValue(name, out var v)) pcf[name] = v;
        var factors = Declared(s, "characterizationFactors") ?? "AR6";
        pcf["characterizationFactors"] = factors;
        pcf["ipccCharacterizationFactorsSources"] = new JsonArray(factors);
        pcf["crossSectoralStandardsUsed"] = new JsonArray("ISO Standard 14067");
        pcf["boundaryProcessesDescription"] = Declared(s, "boundaryProcessesDescription") ?? Boundary(s);
        pcf["referencePeriodStart"] = Time(start);
        pcf["referencePeriodEnd"] = Time(end);
        pcf["exemptedEmissionsPercent"] = 0;
        pcf["exemptedEmissionsDescription"] = "";
        pcf["packagingEmissionsIncluded"] = Declared(s, "packagingEmissionsIncluded") == "true";
        if (q is not null)
        {
            pcf["primaryDataShare"] = q.PrimaryDataShare;
            pcf["dqi"] = new JsonObject
            {
                ["coveragePercent"] = q.CoveragePercent, ["technologicalDQR"] = q.TechnologicalDqr, ["temporalDQR"] = q.TemporalDqr,
                ["geographicalDQR"] = q.GeographicalDqr, ["completenessDQR"] = q.CompletenessDqr, ["reliabilityDQR"] = q.ReliabilityDqr,
            };
        }
        return pcf;
    }

    private static JsonObject PcfV3(PactFootprintSource s, string declaredUnit, Dictionary<string, string> f, PactDataQuality? q, DateTimeOffset start, DateTimeOffset end)
    {
        var excluding = f["pCfExcludingBiogenic"];
        var pcf = new JsonObject
        {
            ["declaredUnitOfMeasurement"] = declaredUnit,
            ["declaredUnitAmount"] = "1",
            // kilogram is 1 kg by definition; for other units Trace does not know the product's mass (PACT: "0" when not relevant/known).
            ["productMassPerDeclaredUnit"] = declaredUnit == "kilogram" ? "1" : "0",
            ["referencePeriodStart"] = Time(start),
            ["referencePeriodEnd"] = Time(end),
            ["boundaryProcessesDescription"] = Declared(s, "boundaryProcessesDescription") ?? Boundary(s),
            ["pcfExcludingBiogenicUptake"] = excluding,
            // Trace records no biogenic CO2 uptake: including = excluding + 0.
            ["pcfIncludingBiogenicUptake"] = excluding,
            ["fossilCarbonContent"] = f.GetValueOrDefault("fossilCarbonContent", "0"),
            ["biogenicCarbonContent"] = f.GetValueOrDefault("biogenicCarbonContent", "0"),
            ["fossilGhgEmissions"] = f.GetValueOrDefault("fossilGhgEmissions", excluding),
        };
        if (f.TryGetValue("dLucGhgEmissions", out var luc)) pcf["landUseChangeGhgEmissions"] = luc;
        if (f.TryGetValue("aircraftGhgEmissions", out var air)) pcf["aircraftGhgEmissions"] = air;
        pcf["packagingEmissionsIncluded"] = Declared(s, "packagingEmissionsIncluded") == "true";
        pcf["ipccCharacterizationFactors"] = new JsonArray(Declared(s, "characterizationFactors") ?? "AR6");
        pcf["crossSectoralStandards"] = new JsonArray("ISO14067");
        pcf["exemptedEmissionsPercent"] = "0";
        if (q is not null)
        {
            pcf["primaryDataShare"] = PactDecimals.Format(q.PrimaryDataShare);
            pcf["dqi"] = new JsonObject
            {
                ["coveragePercent"] = PactDecimals.Format(q.CoveragePercent), ["technologicalDQR"] = PactDecimals.Format(q.TechnologicalDqr),
                ["temporalDQR"] = PactDecimals.Format(q.TemporalDqr), ["geographicalDQR"] = PactDecimals.Format(q.GeographicalDqr),
                ["completenessDQR"] = PactDecimals.Format(q.CompletenessDqr), ["reliabilityDQR"] = PactDecimals.Format(q.ReliabilityDqr),
            };
        }
        return pcf;
    }

    private static string? Declared(PactFootprintSource s, string name) =>
        s.Declared && s.DeclaredPcf is { } pcf && pcf.TryGetValue(name, out var v) ? v : null;

    private static (DateTimeOffset Start, DateTimeOffset End) ReferencePeriod(PactFootprintSource s)
    {
        if (Declared(s, "referencePeriodStart") is { } ds && Declared(s, "referencePeriodEnd") is { } de
            && DateTimeOffset.TryParse(ds, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var a)
            && DateTimeOffset.TryParse(de, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var b))
            return (a, b);
        if (s.PeriodStart is { } start && s.PeriodEnd is { } end && end > start) return (start, end);
        // Neither the batch nor a declaration states a period: the calendar year in which the batch record was issued.
        var year = s.Created.UtcDateTime.Year;
        return (new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    private static JsonArray ProductIds(PactFootprintSource s)
    {
        var ids = new JsonArray();
        var gtin = s.Gtin;
        if (gtin is null && BatchIdentifier.TryParse(s.BatchId, out var parsed, out _) && parsed.Gtin is { } g) gtin = g.ToString();
        if (gtin is not null) ids.Add($"urn:gtin:{gtin}");
        ids.Add(s.BatchId.StartsWith("urn:", StringComparison.OrdinalIgnoreCase) ? s.BatchId : "urn:trace:batch:" + Uri.EscapeDataString(s.BatchId));
        return ids;
    }

    private static string Comment(PactFootprintSource s)
    {
        var text = s.Declared
            ? "Declared by the supplier in footprint declaration record " + s.DeclarationRecordId + "."
            : $"Computed by Trace: {PactDecimals.Format(s.TotalKgCo2e)} kgCO2e for {PactDecimals.Format(s.Quantity)} {s.Unit} (scope 1 {PactDecimals.Format(s.Scope1KgCo2e)}, scope 2 {PactDecimals.Format(s.Scope2KgCo2e)}, scope 3 {PactDecimals.Format(s.Scope3KgCo2e)}).";
        text += $" Primary data {PactDecimals.Format(s.PrimaryKgCo2e)} kgCO2e, verified on chain {PactDecimals.Format(s.VerifiedKgCo2e)} kgCO2e."
            + " Every figure names its records in the Trace lineage extension; fetch each record's proof bundle with " + PactExtension.ProofBundleRpc + " to verify it on chain."
            + " Fossil and biogenic sources are not separated in Trace records: all emissions are reported as fossil, carbon contents as 0.";
        if (s.TransportNotReported) text += " Some transport was not reported.";
        if (s.WithdrawnRecordIds.Count > 0) text += " Rests on withdrawn evidence: " + string.Join(", ", s.WithdrawnRecordIds) + ".";
        return text;
    }

    private static string Boundary(PactFootprintSource s) =>
        "Cradle-to-gate: the producer's own scope 1 and 2 emissions, the allocated emissions of the transformation producing the batch, "
        + "and the embedded emissions of every input with its transport, rolled up by Trace over the recorded lineage (docs/lineage.md).";

    private static JsonObject Extension(PactFootprintSource s)
    {
        var figures = new JsonArray();
        foreach (var f in s.Figures)
        {
            var o = new JsonObject
            {
                ["stage"] = f.Stage, ["kgCO2e"] = PactDecimals.Format(f.KgCo2e), ["primaryKgCO2e"] = PactDecimals.Format(f.PrimaryKgCo2e),
                ["verifiedKgCO2e"] = PactDecimals.Format(f.VerifiedKgCo2e), ["recordId"] = f.RecordId,
            };
            if (f.Method is not null) o["method"] = f.Method;
            if (f.InputBatchId is not null) o["inputBatchId"] = f.InputBatchId;
            if (f.ShipmentId is not null) o["shipmentId"] = f.ShipmentId;
            if (f.LegIndex is not null) o["legIndex"] = f.LegIndex;
            if (f.FactorSetVersion is not null) o["factorSetVersion"] = f.FactorSetVersion;
            figures.Add(o);
        }
        var records = new JsonArray();
        foreach (var c in s.Citations)
            records.Add(new JsonObject
            {
                ["recordId"] = c.RecordId, ["kind"] = c.Kind, ["role"] = c.Role, ["status"] = c.Status, ["standing"] = c.Standing,
                ["primary"] = c.Primary, ["batchId"] = c.BatchId,
            });
        var data = new JsonObject
        {
            ["batchId"] = s.BatchId,
            ["batchRecordId"] = s.BatchRecordId,
            ["basis"] = s.Declared ? "declared" : "computed",
            ["quantity"] = new JsonObject { ["amount"] = PactDecimals.Format(s.Quantity), ["unit"] = s.Unit },
            ["totalKgCO2e"] = PactDecimals.Format(s.TotalKgCo2e),
            ["primaryKgCO2e"] = PactDecimals.Format(s.PrimaryKgCo2e),
            ["verifiedKgCO2e"] = PactDecimals.Format(s.VerifiedKgCo2e),
            ["scope1KgCO2e"] = PactDecimals.Format(s.Scope1KgCo2e),
            ["scope2KgCO2e"] = PactDecimals.Format(s.Scope2KgCo2e),
            ["scope3KgCO2e"] = PactDecimals.Format(s.Scope3KgCo2e),
            ["computedAt"] = Time(s.ComputedAt),
            ["verificationAsOf"] = Time(s.VerificationAsOf),
            ["transportNotReported"] = s.TransportNotReported,
            ["withdrawnRecords"] = new JsonArray([.. s.WithdrawnRecordIds.Select(id => (JsonNode)JsonValue.Create(id)!)]),
            ["factorSetVersions"] = new JsonArray([.. s.FactorSetVersions.Select(v => (JsonNode)JsonValue.Create(v)!)]),
            ["chain"] = new JsonObject { ["chainId"] = s.ChainId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["evidenceRegistry"] = s.EvidenceRegistry },
            ["proofBundleRpc"] = PactExtension.ProofBundleRpc,
            ["figures"] = figures,
            ["records"] = records,
        };
        if (s.DeclarationRecordId is not null) data["declarationRecordId"] = s.DeclarationRecordId;
        return new JsonObject
        {
            ["specVersion"] = PactExtension.SpecVersion,
            ["dataSchema"] = PactExtension.DataSchema,
            ["documentation"] = PactExtension.Documentation,
            ["data"] = data,
        };
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
