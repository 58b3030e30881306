using Trace.Domain.Lineage;
using Trace.Node.Lineage.Model;
using Trace.Node.Lineage.Storage.Entities;

namespace Trace.Node.Standards.Cbam;

/// <summary>
/// Direct and indirect embedded emissions of batches over the lineage (kgCO2e, decimal, memoised):
/// Dir(b) = s1(b) + A_b(s1(T) + Σ_i (c_i × Dir(in_i)) / Q(in_i)), Ind(b) likewise with s2, where A_b(x) = (w_b × x) / Σ w
/// (x itself for a single output) and T is the transformation producing b. A declared batch (PACT) counts its whole
/// declared footprint as direct. Def(b), the part from default values, follows the same recurrence over default-factor
/// figures (and a declaration's non-primary part). VDir(b) and VInd(b), the parts resting on VERIFIED actual data,
/// follow it over actual (not default-factor) figures whose record and cited evidence are verified
/// (<paramref name="verified"/>: record id and citation role → verified; null = nothing is).
/// </summary>
internal sealed class CbamCalculator(
    IReadOnlyDictionary<string, LineageBatchEntity> batches,
    IReadOnlyDictionary<string, LineageTransformationEntity> transformations,
    IReadOnlyDictionary<string, List<LineageInputEntity>> inputs,
    IReadOnlyDictionary<string, List<LineageOutputEntity>> outputs,
    Func<string, string, bool>? verified = null)
{
    private const string DefaultFactor = nameof(EmissionMethod.DefaultFactor);
    private readonly Dictionary<string, (decimal Dir, decimal Ind, decimal Def)> _memo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (decimal Dir, decimal Ind)> _verifiedMemo = new(StringComparer.Ordinal);

    /// <summary>(VDir, VInd) of a batch in kgCO2e: the parts of Dir and Ind resting on verified actual figures.</summary>
    public (decimal Dir, decimal Ind) VerifiedEmbedded(string batchId)
    {
        if (_verifiedMemo.TryGetValue(batchId, out var known)) return known;
        var batch = batches[batchId];
        (decimal, decimal) result;
        if (batch.Declared is not null)
            result = (batch.DeclarationRecordId is { } d && IsVerified(d, CitationRoles.Declaration) && IsVerified(batch.RecordId, "") ? batch.DeclaredPrimary ?? 0m : 0m, 0m);
        else
        {
            var dir = VerifiedFigure(batch.Scope1, batch.Scope1Method, batch.RecordId, CitationRoles.Scope1);
            var ind = VerifiedFigure(batch.Scope2, batch.Scope2Method, batch.RecordId, CitationRoles.Scope2);
            if (Producing(batch) is { } t)
            {
                var tDir = VerifiedFigure(t.Scope1, t.Scope1Method, t.RecordId, CitationRoles.Scope1);
                var tInd = VerifiedFigure(t.Scope2, t.Scope2Method, t.RecordId, CitationRoles.Scope2);
                foreach (var input in inputs.GetValueOrDefault(t.TransformationId) ?? [])
                {
                    var source = batches[input.BatchId];
                    var (iDir, iInd) = VerifiedEmbedded(input.BatchId);
                    tDir += input.Converted * iDir / source.Quantity;
                    tInd += input.Converted * iInd / source.Quantity;
                }
                dir += Allocate(batch, t, tDir);
                ind += Allocate(batch, t, tInd);
            }
            result = (dir, ind);
        }
        _verifiedMemo[batchId] = result;
        return result;
    }

    private bool IsVerified(string recordId, string role) => verified is not null && verified(recordId, role);

    private decimal VerifiedFigure(decimal? figure, string? method, string recordId, string role) =>
        figure is { } f && method != DefaultFactor && IsVerified(recordId, role) ? f : 0m;

    /// <summary>(Dir, Ind, Def) of a batch in kgCO2e.</summary>
    public (decimal Dir, decimal Ind, decimal Def) Embedded(string batchId)
    {
        if (_memo.TryGetValue(batchId, out var known)) return known;
        var batch = batches[batchId];
        (decimal, decimal, decimal) result;
        if (batch.Declared is { } declared)
            result = (declared, 0m, declared - (batch.DeclaredPrimary ?? 0m));
        else
        {
            var dir = batch.Scope1 ?? 0m;
            var ind = batch.Scope2 ?? 0m;
            var def = Default(batch.Scope1, batch.Scope1Method) + Default(batch.Scope2, batch.Scope2Method);
            if (Producing(batch) is { } t)
            {
                var (tDir, tInd, tDef) = Process(t);
                dir += Allocate(batch, t, tDir);
                ind += Allocate(batch, t, tInd);
                def += Allocate(batch, t, tDef);
            }
            result = (dir, ind, def);
        }
        _memo[batchId] = result;
        return result;
    }

    /// <summary>The good's report entry: quantities, embedded and specific embedded emissions, its figures and precursors.</summary>
    public CbamGoodsBatch Good(LineageBatchEntity batch, DateTimeOffset reference, Func<string, BatchMetadata?> metadata, Func<string, string> status)
    {
        var (dir, ind, def) = Embedded(batch.BatchId);
        var (massKg, specificUnit) = Mass(batch.Quantity, batch.Unit);
        var figures = new List<CbamFigure>();
        var precursors = new List<CbamPrecursor>();
        if (batch.Declared is { } declared)
            figures.Add(new CbamFigure("declaredFootprint", "direct", declared / 1000m, def == 0 ? "actual" : def == declared ? "default" : "mixed",
                batch.DeclarationRecordId ?? batch.RecordId, status(batch.DeclarationRecordId ?? batch.RecordId)));
        else
        {
            if (batch.Scope1 is { } s1) figures.Add(new CbamFigure("ownScope1", "direct", s1 / 1000m, Determination(batch.Scope1Method), batch.RecordId, status(batch.RecordId)));
            if (batch.Scope2 is { } s2) figures.Add(new CbamFigure("ownScope2", "indirect", s2 / 1000m, Determination(batch.Scope2Method), batch.RecordId, status(batch.RecordId)));
            if (Producing(batch) is { } t)
            {
                if (t.Scope1 is { } p1) figures.Add(new CbamFigure("processScope1", "direct", Allocate(batch, t, p1) / 1000m, Determination(t.Scope1Method), t.RecordId, status(t.RecordId)));
                if (t.Scope2 is { } p2) figures.Add(new CbamFigure("processScope2", "indirect", Allocate(batch, t, p2) / 1000m, Determination(t.Scope2Method), t.RecordId, status(t.RecordId)));
                foreach (var input in inputs.GetValueOrDefault(t.TransformationId) ?? [])
                {
                    var source = batches[input.BatchId];
                    var (iDir, iInd, iDef) = Embedded(input.BatchId);
                    var (iMass, iUnit) = Mass(source.Quantity, source.Unit);
                    var consumedKg = MeasureUnit.TryParse(input.Unit, out var unit) && unit.IsMass ? input.Amount * unit.KilogramsPerUnit!.Value : (decimal?)null;
                    var meta = metadata(input.BatchId);
                    var determination = iDef == 0 ? "actual" : iDef == iDir + iInd ? "default" : "mixed";
                    precursors.Add(new CbamPrecursor(input.BatchId, meta?.CnCode, meta?.Installation, input.Amount, input.Unit, consumedKg / 1000m,
                        Specific(iDir, iMass, source.Quantity), Specific(iInd, iMass, source.Quantity), iUnit,
                        Allocate(batch, t, input.Converted * iDir / source.Quantity) / 1000m,
                        Allocate(batch, t, input.Converted * iInd / source.Quantity) / 1000m,
                        source.Standing.ToLowerInvariant()));
                    figures.Add(new CbamFigure($"precursor {input.BatchId}", "direct", Allocate(batch, t, input.Converted * iDir / source.Quantity) / 1000m, determination, source.RecordId, source.Standing.ToLowerInvariant()));
                    figures.Add(new CbamFigure($"precursor {input.BatchId}", "indirect", Allocate(batch, t, input.Converted * iInd / source.Quantity) / 1000m, determination, source.RecordId, source.Standing.ToLowerInvariant()));
                }
            }
        }
        var (vDir, vInd) = VerifiedEmbedded(batch.BatchId);
        return new CbamGoodsBatch(batch.BatchId, batch.RecordId, batch.ProductName, batch.Quantity, batch.Unit, massKg / 1000m, reference,
            dir / 1000m, ind / 1000m, Specific(dir, massKg, batch.Quantity), Specific(ind, massKg, batch.Quantity), specificUnit, def / 1000m, figures, precursors)
        {
            VerifiedDirectEmbeddedEmissions = vDir / 1000m,
            VerifiedIndirectEmbeddedEmissions = vInd / 1000m,
        };
    }

    /// <summary>A goods item (one CN code, one installation) from its batches.</summary>
    public static CbamGoodsItem Item(int number, string cn, string installation, List<CbamGoodsBatch> goods)
    {
        var dir = 0m; var ind = 0m; var def = 0m;
        foreach (var g in goods) { dir += g.DirectEmbeddedEmissions; ind += g.IndirectEmbeddedEmissions; def += g.DefaultValueEmissions; }
        decimal? massT = goods.All(g => g.NetMassTonnes is not null) ? goods.Sum(g => g.NetMassTonnes!.Value) : null;
        var sameUnit = goods.Select(g => g.Unit).Distinct().Count() == 1;
        var quantity = sameUnit ? goods.Sum(g => g.Quantity) : 0m;
        decimal? seeDir = null, seeInd = null;
        var specificUnit = goods[0].SpecificUnit;
        // Over the whole item: total embedded emissions over total mass (tCO2e / t = kgCO2e / kg), or per unit when not a mass.
        if (massT is { } t && t > 0) { seeDir = dir / t; seeInd = ind / t; specificUnit = "tCO2e/t"; }
        else if (sameUnit && quantity > 0) { seeDir = dir / quantity; seeInd = ind / quantity; }
        decimal? shareDefault = dir + ind == 0 ? null : def / (dir + ind);
        return new CbamGoodsItem(number, cn, installation, massT, quantity, sameUnit ? goods[0].Unit : "", dir, ind, seeDir, seeInd, specificUnit,
            shareDefault, shareDefault is { } s ? 1m - s : null, goods);
    }

    private LineageTransformationEntity? Producing(LineageBatchEntity batch) =>
        batch.ProducedBy is { } id && transformations.TryGetValue(id, out var t) ? t : null;

    /// <summary>s1(T) or s2(T) plus the inputs' embedded emissions (c × E(in)) / Q(in), left to right in record order, and the default part.</summary>
    private (decimal Dir, decimal Ind, decimal Def) Process(LineageTransformationEntity t)
    {
        var dir = t.Scope1 ?? 0m;
        var ind = t.Scope2 ?? 0m;
        var def = Default(t.Scope1, t.Scope1Method) + Default(t.Scope2, t.Scope2Method);
        foreach (var input in inputs.GetValueOrDefault(t.TransformationId) ?? [])
        {
            var source = batches[input.BatchId];
            var (iDir, iInd, iDef) = Embedded(input.BatchId);
            dir += input.Converted * iDir / source.Quantity;
            ind += input.Converted * iInd / source.Quantity;
            def += input.Converted * iDef / source.Quantity;
        }
        return (dir, ind, def);
    }

    /// <summary>The output's part of a transformation figure: (w_b × x) / Σ w, exactly x for a single output.</summary>
    private decimal Allocate(LineageBatchEntity batch, LineageTransformationEntity t, decimal x)
    {
        var outs = outputs.GetValueOrDefault(t.TransformationId) ?? [];
        if (outs.Count <= 1) return x;
        var total = 0m;
        foreach (var o in outs) total += o.Weight;
        return outs.First(o => o.BatchId == batch.BatchId).Weight * x / total;
    }

    private static decimal Default(decimal? figure, string? method) => method == DefaultFactor ? figure ?? 0m : 0m;

    private static string Determination(string? method) => method == DefaultFactor ? "default" : "actual";

    /// <summary>The mass in kg of a quantity (null when not a mass) and the unit specific emissions are given in.</summary>
    private static (decimal? MassKg, string SpecificUnit) Mass(decimal quantity, string unit) =>
        MeasureUnit.TryParse(unit, out var u) && u.IsMass ? (quantity * u.KilogramsPerUnit!.Value, "tCO2e/t") : (null, $"tCO2e/{unit}");

    /// <summary>Specific embedded emissions: kgCO2e / kg (= tCO2e / t) for a mass, else (kgCO2e / 1000) / quantity.</summary>
    private static decimal Specific(decimal kg, decimal? massKg, decimal quantity) =>
        massKg is { } m ? kg / m : kg / 1000m / quantity;
}
