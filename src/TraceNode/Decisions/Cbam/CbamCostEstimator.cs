using System.Text.Json;
using Trace.Domain;
using Trace.Node.Blobs;
using Trace.Node.Lineage.Propagation;
using Trace.Node.Standards.Cbam;
using Trace.Node.Storage;

namespace Trace.Node.Decisions.Cbam;

/// <summary>
/// CBAM cost scenarios (docs/decisions.md): the goods' embedded emissions from the CBAM report computation, the part
/// resting on VERIFIED actual figures kept, the rest valued at the operator's default value (as CBAM counts figures
/// without verified evidence), against default values throughout; each priced at every scenario, less the carbon price
/// paid at origin when a VERIFIED record evidences it.
/// </summary>
public sealed class CbamCostEstimator(CbamExporter exporter, CbamDefaultValueTable defaults, TraceStore store, IBlobStore blobs, IRegulatorFlagSource flags)
{
    /// <summary>The record type of a carbon-price-paid record.</summary>
    public const string CarbonPricePaidType = "trace.carbon-price-paid/v1";

    /// <summary>Most price scenarios in one request.</summary>
    public const int MaxScenarios = 16;

    /// <summary>Prices <paramref name="query"/>'s goods.</summary>
    public async Task<CbamCostEstimate> EstimateAsync(CbamCostQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PricesEurPerTonne.Count is 0 or > MaxScenarios) throw new InvalidFieldException("prices_eur_per_tonne", $"give 1 to {MaxScenarios} carbon prices");
        var report = query.BatchId is { } batchId
            ? await exporter.ExportAsync(new CbamReportQuery(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, null, null, query.ReachKeys, batchId), ct).ConfigureAwait(false)
            : await exporter.ExportAsync(new CbamReportQuery(query.Start!.Value, query.End!.Value, query.CnCode, query.InstallationId, query.ReachKeys), ct).ConfigureAwait(false);
        if (report.Goods.Count == 0)
            throw query.BatchId is not null
                ? new DecisionNotFoundException("batch_id", $"no CBAM good {query.BatchId} within your reach: the batch is unknown, has no product.cnCode or facility, or is outside your lineage reach")
                : new DecisionNotFoundException("cn_code", $"no goods of CN code {query.CnCode} from installation {query.InstallationId} produced in the period within your reach");
        var item = report.Goods[0];
        var field = query.BatchId is null ? "cn_code" : "batch_id";
        var row = await defaults.FindAsync(item.CnCode, ct).ConfigureAwait(false)
            ?? throw new DecisionPreconditionException(field, $"no default value loaded for CN code {item.CnCode} (the operator loads them: CbamCostService.PutCbamDefaultValues)");

        var goods = new List<CbamCostGood>();
        decimal mass = 0m, actual = 0m, verified = 0m, byDefault = 0m, withTrace = 0m;
        foreach (var good in item.Batches)
        {
            if (good.NetMassTonnes is not { } t)
                throw new DecisionPreconditionException(field, $"batch {good.BatchId} is in {good.Unit}, not a mass: default values are per tonne");
            var a = good.DirectEmbeddedEmissions + (row.PricesIndirect ? good.IndirectEmbeddedEmissions : 0m);
            var v = good.VerifiedDirectEmbeddedEmissions + (row.PricesIndirect ? good.VerifiedIndirectEmbeddedEmissions : 0m);
            var d = t * row.PricedTonnesPerTonne;
            // The unverified share (a − v) / a of the good is valued at its default: v + ((a − v) × d) / a; all of it when a = 0.
            var w = a == 0m ? d : v + (a - v) * d / a;
            goods.Add(new CbamCostGood(good.BatchId, t, a, v, d, w, good.Figures));
            mass += t; actual += a; verified += v; byDefault += d; withTrace += w;
        }

        var origin = query.OriginCarbonPriceRecordId is { } recordId ? await OriginPriceAsync(recordId, ct).ConfigureAwait(false) : null;
        var scenarios = new List<CbamCostScenario>();
        foreach (var price in query.PricesEurPerTonne)
        {
            var deduction = origin is { Verified: true } o ? Math.Min(o.EurPerTonne, price) : 0m;
            var net = price - deduction;
            var withData = withTrace * net;
            var withDefaults = byDefault * net;
            scenarios.Add(new CbamCostScenario(price, deduction, withData, withDefaults, withDefaults - withData));
        }
        return new CbamCostEstimate(item.CnCode, row, mass, actual, verified, byDefault, withTrace, origin, scenarios, goods);
    }

    /// <summary>Reads the carbon-price-paid record and where it stands.</summary>
    private async Task<OriginCarbonPrice> OriginPriceAsync(string recordId, CancellationToken ct)
    {
        const string Field = "origin_carbon_price_record_id";
        var id = RecordIds.Normalise(recordId, Field);
        var record = await store.GetRecordAsync(id, ct).ConfigureAwait(false)
            ?? throw new DecisionNotFoundException(Field, $"no record {id} on this node");
        if (record.Kind != RecordKind.Other)
            throw new DecisionPreconditionException(Field, $"record {id} is of kind {record.Kind}; a carbon price paid is a structured record of kind OTHER (8) with recordType \"{CarbonPricePaidType}\"");
        decimal? price = null;
        string? country = null;
        try
        {
            using var stream = blobs.OpenRead(record.ContentHash);
            using var document = JsonDocument.Parse(stream);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("recordType", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == CarbonPricePaidType)
            {
                if (root.TryGetProperty("eurPerTonneCo2e", out var p) && p.ValueKind == JsonValueKind.String) price = DecisionDecimals.TryParse(p.GetString());
                if (root.TryGetProperty("country", out var c) && c.ValueKind == JsonValueKind.String && c.GetString() is { Length: 2 } cc && cc.All(char.IsAsciiLetterUpper)) country = cc;
            }
        }
        catch (JsonException)
        {
            // Not JSON: refused below like any record that is not a carbon-price-paid record.
        }
        if (price is null || country is null)
            throw new DecisionPreconditionException(Field,
                $"record {id} is not a carbon-price-paid record: a JSON record with recordType \"{CarbonPricePaidType}\", eurPerTonneCo2e (decimal string) and country (ISO 3166-1 alpha-2)");
        var flagged = (await flags.OpenFlagsAsync([id], ct).ConfigureAwait(false)).Contains(id);
        var status = flagged ? "flagged"
            : record.Revocation is { } r ? (r.SupersededBy is null ? "revoked" : "superseded")
            : record.Status.ToString().ToLowerInvariant();
        return new OriginCarbonPrice(id, price.Value, country, status, status == "confirmed");
    }
}
