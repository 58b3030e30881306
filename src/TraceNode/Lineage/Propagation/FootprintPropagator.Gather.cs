using Trace.Node.Lineage.Model;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trace.Domain.Lineage;
using Trace.Node.Carbon.Footprint;

using Trace.Node.Lineage.Storage.Entities;

namespace Trace.Node.Lineage.Propagation;

internal sealed partial class FootprintPropagator
{
    private DbSet<LineageTransformationEntity> Transformations => db.Set<LineageTransformationEntity>();
    private DbSet<LineageShipmentEntity> Shipments => db.Set<LineageShipmentEntity>();
    private DbSet<LineageWithdrawnMarkEntity> Marks => db.Set<LineageWithdrawnMarkEntity>();

    private async Task<GatheredFootprint> GatherAsync(LineageBatchEntity batch, CancellationToken ct)
    {
        var transformation = batch.ProducedBy is null ? null : await Transformations.FindAsync([batch.ProducedBy], ct).ConfigureAwait(false);
        var ownRecords = new List<string> { batch.RecordId };
        if (batch.DeclarationRecordId is not null) ownRecords.Add(batch.DeclarationRecordId);
        if (transformation is not null) ownRecords.Add(transformation.RecordId);
        var citationRows = ownRecords.TrueForAll(_citationsBy.ContainsKey)
            ? ownRecords.SelectMany(r => _citationsBy[r])
            : await _queries.CitationsBy(db, ownRecords).ToListAsync(ct).ConfigureAwait(false);
        var citations = citationRows.ToLookup(c => (c.RecordId, c.Role), c => c.CitedRecordId);

        List<LineageInputEntity> inputs = [];
        List<LineageOutputEntity> outputs = [];
        var inputBatches = new Dictionary<string, LineageBatchEntity>(StringComparer.Ordinal);
        var shipments = new Dictionary<string, LineageShipmentEntity>(StringComparer.Ordinal);
        if (transformation is not null)
        {
            inputs = _inputsOf.GetValueOrDefault(transformation.TransformationId)
                ?? await _queries.InputsOf(db, transformation.TransformationId).ToListAsync(ct).ConfigureAwait(false);
            outputs = _outputsOf.GetValueOrDefault(transformation.TransformationId)
                ?? await _queries.OutputsOf(db, transformation.TransformationId).ToListAsync(ct).ConfigureAwait(false);
            foreach (var input in inputs)
            {
                inputBatches.TryAdd(input.BatchId, (await Batches.FindAsync([input.BatchId], ct).ConfigureAwait(false))!);
                for (var s = input.ShipmentId; s is not null && !shipments.ContainsKey(s);)
                {
                    var shipment = (await Shipments.FindAsync([s], ct).ConfigureAwait(false))!;
                    shipments[s] = shipment;
                    s = shipment.DrawsFrom;
                }
            }
        }
        var legs = shipments.Values.ToDictionary(s => s.ShipmentId, s => JsonSerializer.Deserialize<List<StoredLeg>>(s.LegsJson, LineageJson.Options)!, StringComparer.Ordinal);

        // Standings of every record the figures rest on, in one look-up.
        var ids = new List<string>(ownRecords);
        ids.AddRange(citations.SelectMany(g => g));
        foreach (var shipment in shipments.Values)
        {
            ids.Add(shipment.RecordId);
            foreach (var leg in legs[shipment.ShipmentId])
            {
                ids.AddRange(leg.Evidence.Select(e => e.ToLowerInvariant()));
                if (leg.FactorSetRecordId is not null) ids.Add(leg.FactorSetRecordId);
            }
        }
        await _standings.LoadAsync(ids, ct).ConfigureAwait(false);

        var marks = new Dictionary<string, WithdrawnMark>(StringComparer.Ordinal);
        void MarkIfWithdrawn(string recordId)
        {
            var standing = _standings.Get(recordId);
            if (standing.Withdrawn) marks.TryAdd(recordId, new WithdrawnMark(recordId, standing.Kind, standing.Reason!, standing.SupersededBy, batch.BatchId));
        }
        foreach (var id in ids) MarkIfWithdrawn(id);
        var inherited = inputBatches.Values.Where(b => b.RestsOnWithdrawn).Select(b => b.BatchId).ToList();
        if (inherited.Count > 0)
            foreach (var mark in await Marks.AsNoTracking().Where(m => inherited.Contains(m.BatchId)).ToListAsync(ct).ConfigureAwait(false))
                marks.TryAdd(mark.RecordId, new WithdrawnMark(mark.RecordId, mark.Kind, mark.Reason, mark.SupersededBy, mark.ViaBatchId));

        StatedFigure? Figure(string recordId, decimal? kg, string? method, string role)
        {
            if (kg is null) return null;
            var evidence = citations[(recordId, role)].ToList();
            return new StatedFigure(kg.Value, Enum.Parse<EmissionMethod>(method!), recordId, evidence,
                _standings.AllVerified(recordId, evidence), _standings.AnyWithdrawn(recordId, evidence));
        }

        var own1 = Figure(batch.RecordId, batch.Scope1, batch.Scope1Method, CitationRoles.Scope1);
        var own2 = Figure(batch.RecordId, batch.Scope2, batch.Scope2Method, CitationRoles.Scope2);
        DeclaredFigure? declared = null;
        if (batch.DeclarationRecordId is { } declarationId && batch.Declared is { } d)
        {
            var evidence = citations[(declarationId, CitationRoles.Declaration)].ToList();
            // The declared figure stands on the declaration and on the batch record it applies to.
            declared = new DeclaredFigure(d, batch.DeclaredPrimary ?? 0m, declarationId, evidence,
                _standings.AllVerified(declarationId, evidence) && _standings.Get(batch.RecordId).Verified, _standings.AnyWithdrawn(declarationId, evidence));
        }

        var tnr = new List<TransportNotReportedMark>();
        var versions = new HashSet<string>(StringComparer.Ordinal);
        var tnrUpstream = false;
        ProcessTerm? process = null;
        if (transformation is not null)
        {
            ShipmentTerm? Chain(string? shipmentId)
            {
                if (shipmentId is null) return null;
                var s = shipments[shipmentId];
                var shipmentStanding = _standings.Get(s.RecordId);
                var legTerms = legs[shipmentId].ConvertAll(l =>
                {
                    var evidence = l.Evidence.Select(e => e.ToLowerInvariant()).ToList();
                    if (l.FactorSetRecordId is not null) evidence.Add(l.FactorSetRecordId);
                    if (l.FactorSetVersion is not null) versions.Add(l.FactorSetVersion);
                    return new TransportLegTerm(l.Index, l.Mode, l.DistanceKm, l.KgCo2e, l.Method, l.Evidence, l.FactorSetVersion, l.FactorKgCo2ePerTonneKm, l.CargoTonnes,
                        shipmentStanding.Verified && evidence.All(e => _standings.Get(e).Verified), shipmentStanding.Withdrawn || evidence.Any(e => _standings.Get(e).Withdrawn));
                });
                if (s.LegCount == 0 && !tnr.Any(t => t.ShipmentId == s.ShipmentId)) tnr.Add(new TransportNotReportedMark(s.ShipmentId, s.RecordId, s.BatchId));
                return new ShipmentTerm(s.ShipmentId, s.RecordId, s.BatchId, s.Quantity, legTerms, Chain(s.DrawsFrom))
                {
                    Plan = s.PlannedRouteJson is null ? null : JsonSerializer.Deserialize<RoutePlanTerm>(s.PlannedRouteJson, LineageJson.Options),
                };
            }

            var terms = new List<InputTerm>(inputs.Count);
            foreach (var input in inputs)
            {
                var source = inputBatches[input.BatchId];
                tnrUpstream |= source.TransportNotReportedJson is not null || source.TransportNotReportedUpstream;
                if (source.FactorVersionsJson is not null)
                    versions.UnionWith(JsonSerializer.Deserialize<List<string>>(source.FactorVersionsJson, LineageJson.Options)!);
                terms.Add(new InputTerm(input.BatchId, input.Converted, input.Amount, input.Unit, source.Quantity, source.Footprint, source.Primary, source.Verified,
                    Chain(input.ShipmentId), source.RestsOnWithdrawn));
            }
            var weight = outputs.First(o => o.BatchId == batch.BatchId).Weight;
            var totalWeight = 0m;
            foreach (var output in outputs.OrderBy(o => o.Position)) totalWeight += output.Weight;
            process = new ProcessTerm(transformation.TransformationId, transformation.RecordId, weight, totalWeight,
                Figure(transformation.RecordId, transformation.Scope1, transformation.Scope1Method, CitationRoles.Scope1),
                Figure(transformation.RecordId, transformation.Scope2, transformation.Scope2Method, CitationRoles.Scope2),
                terms);
        }

        var own = ownRecords.Concat(ownRecords.SelectMany(r => citations[(r, CitationRoles.Scope1)].Concat(citations[(r, CitationRoles.Scope2)]).Concat(citations[(r, CitationRoles.Declaration)]))).ToList();
        var standing = own.Any(r => _standings.Get(r).Withdrawn) ? "Withdrawn" : own.All(r => _standings.Get(r).Verified) ? "Verified" : "Unconfirmed";
        return new GatheredFootprint(new FootprintInput(batch.Quantity, own1, own2, declared, process), tnr, tnrUpstream, versions, standing, marks);
    }

    /// <summary>Brings the batch's withdrawn marks in line with <paramref name="gathered"/>; true when they changed.</summary>
    private async Task<bool> UpdateMarksAsync(LineageBatchEntity batch, GatheredFootprint gathered, CancellationToken ct)
    {
        if (!batch.RestsOnWithdrawn && gathered.Marks.Count == 0) return false;
        var existing = await Marks.Where(m => m.BatchId == batch.BatchId).ToListAsync(ct).ConfigureAwait(false);
        var changed = false;
        foreach (var mark in existing)
            if (!gathered.Marks.ContainsKey(mark.RecordId)) { Marks.Remove(mark); changed = true; }
        foreach (var mark in gathered.Marks.Values)
        {
            if (existing.Any(e => e.RecordId == mark.RecordId)) continue;
            Marks.Add(new LineageWithdrawnMarkEntity
            {
                BatchId = batch.BatchId, RecordId = mark.RecordId, Kind = mark.Kind, Reason = mark.Reason, SupersededBy = mark.SupersededBy, ViaBatchId = mark.ViaBatchId,
            });
            changed = true;
        }
        // Flushed now (inside the transaction): batches downstream read these marks with a query.
        if (changed) await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return changed;
    }
}
