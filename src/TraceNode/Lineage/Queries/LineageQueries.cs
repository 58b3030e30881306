using Trace.Node.Lineage.Model;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trace.Node.Carbon.Footprint;

using Trace.Node.Lineage.Propagation;
using Trace.Node.Lineage.Storage.Entities;
using Trace.Node.Storage;

namespace Trace.Node.Lineage.Queries;

/// <summary>
/// Reads of the lineage: a batch's materialised footprint (one row plus its citations' statuses), and its upstream
/// and downstream graphs, walked level by level with one set-based query per level and table.
/// </summary>
public sealed partial class LineageQueries(TraceStore store, IRegulatorFlagSource flags)
{
    /// <summary>The footprint of <paramref name="batchId"/>, or null when no batch record declares it.</summary>
    public async Task<BatchFootprint?> GetFootprintAsync(string batchId, bool includeUpstreamCitations, CancellationToken ct)
    {
        await using var db = store.OpenContext();
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false); // one connection for every query of this read (per-open pragmas cost)
        var batch = await db.Set<LineageBatchEntity>().AsNoTracking().FirstOrDefaultAsync(b => b.BatchId == batchId, ct).ConfigureAwait(false);
        if (batch is null) return null;
        var components = Components(batch);
        var tnr = batch.TransportNotReportedJson is null ? [] : JsonSerializer.Deserialize<List<TransportNotReportedMark>>(batch.TransportNotReportedJson, LineageJson.Options)!;
        var withdrawn = !batch.RestsOnWithdrawn ? [] : (await db.Set<LineageWithdrawnMarkEntity>().AsNoTracking().Where(m => m.BatchId == batchId).ToListAsync(ct).ConfigureAwait(false))
            .ConvertAll(m => new WithdrawnMark(m.RecordId, m.Kind, m.Reason, m.SupersededBy, m.ViaBatchId));
        if (withdrawn.Any(m => m.Reason == "Flagged"))
        {
            var (open, _) = await store.GetMarksAsync(withdrawn.Where(m => m.Reason == "Flagged").Select(m => m.RecordId).ToList(), ct).ConfigureAwait(false);
            withdrawn = withdrawn.ConvertAll(m => m.Reason == "Flagged" ? m with { OpenFlags = [.. open[m.RecordId]] } : m);
        }

        var cited = new List<(LineageBatchEntity Batch, List<FootprintComponent> Components, List<TransportNotReportedMark> Tnr)> { (batch, components, tnr) };
        if (includeUpstreamCitations)
            foreach (var upstream in await UpstreamBatchesAsync(db, batch, ct).ConfigureAwait(false))
                cited.Add((upstream, Components(upstream), upstream.TransportNotReportedJson is null ? [] : JsonSerializer.Deserialize<List<TransportNotReportedMark>>(upstream.TransportNotReportedJson, LineageJson.Options)!));
        var citations = await CitationsAsync(db, cited, ct).ConfigureAwait(false);

        decimal Sum(params FootprintStage[] stages)
        {
            var total = 0m;
            foreach (var c in components) if (stages.Contains(c.Stage)) total += c.KgCo2e;
            return total;
        }
        return new BatchFootprint
        {
            BatchId = batch.BatchId, BatchRecordId = batch.RecordId, Producer = batch.Producer, ProductName = batch.ProductName,
            Quantity = batch.Quantity, Unit = batch.Unit, Declared = batch.DeclarationRecordId is not null, Total = batch.Footprint,
            PerUnit = batch.Footprint / batch.Quantity, Breakdown = components,
            Scope1 = Sum(FootprintStage.OwnScope1, FootprintStage.ProcessScope1), Scope2 = Sum(FootprintStage.OwnScope2, FootprintStage.ProcessScope2),
            Scope3 = Sum(FootprintStage.Input, FootprintStage.TransportLeg), DeclaredKgCo2e = Sum(FootprintStage.Declared),
            Primary = batch.Primary, Verified = batch.Verified, TransportNotReported = tnr, TransportNotReportedUpstream = batch.TransportNotReportedUpstream,
            Withdrawn = withdrawn, Citations = citations,
            PlannedTransport = batch.PlannedTransportJson is null ? [] : JsonSerializer.Deserialize<List<PlannedTransport>>(batch.PlannedTransportJson, LineageJson.Options)!,
            FactorSetVersions = batch.FactorVersionsJson is null ? [] : JsonSerializer.Deserialize<List<string>>(batch.FactorVersionsJson, LineageJson.Options)!,
            ComputedAt = batch.ComputedAt, VerifiedAt = batch.VerifiedAt, ProducedBy = batch.ProducedBy, DeclarationRecordId = batch.DeclarationRecordId,
            Consumed = batch.Consumed,
        };
    }

    private static List<FootprintComponent> Components(LineageBatchEntity batch) =>
        JsonSerializer.Deserialize<List<FootprintComponent>>(batch.ComponentsJson, LineageJson.Options)!;

    /// <summary>Every batch upstream of <paramref name="root"/> (not the root), full rows.</summary>
    private static async Task<List<LineageBatchEntity>> UpstreamBatchesAsync(TraceDbContext db, LineageBatchEntity root, CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { root.BatchId };
        var found = new List<LineageBatchEntity>();
        var producers = root.ProducedBy is null ? new List<string>() : [root.ProducedBy];
        while (producers.Count > 0)
        {
            var next = new List<string>();
            foreach (var chunk in producers.Chunk(500))
            {
                var ids = chunk.ToList();
                var inputIds = await db.Set<LineageInputEntity>().AsNoTracking().Where(i => ids.Contains(i.TransformationId)).Select(i => i.BatchId).Distinct().ToListAsync(ct).ConfigureAwait(false);
                var fresh = inputIds.Where(seen.Add).ToList();
                foreach (var batchChunk in fresh.Chunk(500))
                {
                    var batchIds = batchChunk.ToList();
                    var rows = await db.Set<LineageBatchEntity>().AsNoTracking().Where(b => batchIds.Contains(b.BatchId)).ToListAsync(ct).ConfigureAwait(false);
                    found.AddRange(rows);
                    next.AddRange(rows.Where(r => r.ProducedBy is not null).Select(r => r.ProducedBy!));
                }
            }
            producers = next.Distinct().ToList();
        }
        return found;
    }

    /// <summary>The records each batch's own figures use, their cited evidence, and everyone's status and standing.</summary>
    private async Task<List<FootprintCitation>> CitationsAsync(TraceDbContext db,
        List<(LineageBatchEntity Batch, List<FootprintComponent> Components, List<TransportNotReportedMark> Tnr)> batches, CancellationToken ct)
    {
        var lineage = new List<(string RecordId, string Role, bool Primary, string BatchId)>();
        foreach (var (batch, components, tnr) in batches)
        {
            var batchPrimary = components.Any(c => c.Stage is FootprintStage.OwnScope1 or FootprintStage.OwnScope2 && c.PrimaryKgCo2e > 0m);
            lineage.Add((batch.RecordId, "Batch", batchPrimary, batch.BatchId));
            if (batch.DeclarationRecordId is not null) lineage.Add((batch.DeclarationRecordId, "FootprintDeclaration", batch.DeclaredPrimary > 0m, batch.BatchId));
            var process = components.FirstOrDefault(c => c.Stage is FootprintStage.ProcessScope1 or FootprintStage.ProcessScope2 or FootprintStage.Input);
            if (process is not null)
                lineage.Add((process.RecordId, "Transformation",
                    components.Any(c => c.Stage is FootprintStage.ProcessScope1 or FootprintStage.ProcessScope2 && c.PrimaryKgCo2e > 0m), batch.BatchId));
            foreach (var leg in components.Where(c => c.Stage == FootprintStage.TransportLeg))
                lineage.Add((leg.RecordId, "Shipment", components.Any(c => c.RecordId == leg.RecordId && c.PrimaryKgCo2e > 0m), batch.BatchId));
            foreach (var mark in tnr) lineage.Add((mark.ShipmentRecordId, "Shipment", false, batch.BatchId));
        }
        var distinctLineage = lineage.GroupBy(l => (l.RecordId, l.BatchId)).Select(g => (g.Key.RecordId, g.First().Role, Primary: g.Any(x => x.Primary), g.Key.BatchId)).ToList();
        var lineageIds = distinctLineage.Select(l => l.RecordId).Distinct().ToList();
        var evidence = new List<LineageCitationEntity>();
        foreach (var chunk in lineageIds.Chunk(500))
        {
            var ids = chunk.ToList();
            evidence.AddRange(await db.Set<LineageCitationEntity>().AsNoTracking().Where(c => ids.Contains(c.RecordId)).ToListAsync(ct).ConfigureAwait(false));
        }
        var standings = new RecordStandings(db, flags);
        await standings.LoadAsync(lineageIds.Concat(evidence.Select(e => e.CitedRecordId)), ct).ConfigureAwait(false);

        FootprintCitation Make(string recordId, string role, bool primary, string batchId)
        {
            var s = standings.Get(recordId);
            return new FootprintCitation(recordId, s.Kind, role, s.Status, s.Withdrawn ? "Withdrawn" : s.Verified ? "Verified" : "Unconfirmed", s.Reason, primary, batchId);
        }
        var result = new List<FootprintCitation>();
        var emitted = new HashSet<(string, string)>();
        foreach (var (recordId, role, primary, batchId) in distinctLineage)
        {
            if (emitted.Add((recordId, batchId))) result.Add(Make(recordId, role, primary, batchId));
            foreach (var cited in evidence.Where(e => e.RecordId == recordId))
                if (emitted.Add((cited.CitedRecordId, batchId)))
                    result.Add(Make(cited.CitedRecordId, EvidenceRole(cited.Role), cited.Primary, batchId));
        }
        return result;
    }

    private static string EvidenceRole(string role) => role switch
    {
        CitationRoles.CustomsCertificate => "CustomsCertificate",
        CitationRoles.Declaration => "DeclarationEvidence",
        CitationRoles.FactorSet => "FactorSet",
        _ => "EmissionEvidence",
    };
}
