using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trace.Node.Blobs;
using Trace.Node.Lineage.Propagation;
using Trace.Node.Lineage.Queries;
using Trace.Node.Lineage.Storage.Entities;
using Trace.Node.Storage;
using Trace.Node.Storage.Entities;

namespace Trace.Node.Standards.Cbam;

/// <summary>
/// Builds a CBAM report from the materialised lineage: every batch with a CN code and an installation whose production
/// ended in the period, its direct and indirect embedded emissions (CBAM boundary: production processes, transport
/// excluded), specific embedded emissions, precursors, default-value share and the status of each figure (docs/cbam.md).
/// </summary>
public sealed class CbamExporter(TraceStore store, IBlobStore blobs, LineageQueries lineage, IRegulatorFlagSource flags, TimeProvider clock)
{
    /// <summary>Exports the report for <paramref name="query"/>; decimal throughout, kg converted to tonnes only at the end.</summary>
    public async Task<CbamReport> ExportAsync(CbamReportQuery query, CancellationToken ct)
    {
        await using var db = store.OpenContext();
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        var batches = await db.Set<LineageBatchEntity>().AsNoTracking().ToDictionaryAsync(b => b.BatchId, StringComparer.Ordinal, ct).ConfigureAwait(false);
        var transformations = await db.Set<LineageTransformationEntity>().AsNoTracking().ToDictionaryAsync(t => t.TransformationId, StringComparer.Ordinal, ct).ConfigureAwait(false);
        var inputs = (await db.Set<LineageInputEntity>().AsNoTracking().ToListAsync(ct).ConfigureAwait(false))
            .GroupBy(i => i.TransformationId).ToDictionary(g => g.Key, g => g.OrderBy(i => i.Position).ToList(), StringComparer.Ordinal);
        var outputs = (await db.Set<LineageOutputEntity>().AsNoTracking().ToListAsync(ct).ConfigureAwait(false))
            .GroupBy(o => o.TransformationId).ToDictionary(g => g.Key, g => g.OrderBy(o => o.Position).ToList(), StringComparer.Ordinal);
        var recordIds = batches.Values.Select(b => b.RecordId).Concat(transformations.Values.Select(t => t.RecordId)).ToHashSet(StringComparer.Ordinal);
        var records = await db.Records.AsNoTracking().Where(r => recordIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, StringComparer.Ordinal, ct).ConfigureAwait(false);

        var notes = new List<string>
        {
            "embedded emissions follow the CBAM boundary: the installations' direct (scope 1) and indirect (scope 2) emissions and those of precursors; transport legs are not included",
            "every batch with product.cnCode and a facility is reported; membership of the CN code in Annex I of Regulation (EU) 2023/956 is not checked",
        };
        var metadata = new Dictionary<string, BatchMetadata>(StringComparer.Ordinal);
        foreach (var batch in batches.Values)
            if (records.TryGetValue(batch.RecordId, out var record)) metadata[batch.BatchId] = Metadata(record);

        // Which figures rest on VERIFIED evidence: the record CONFIRMED and not withdrawn, and so is every record it cites for the figure.
        var citing = recordIds.Concat(batches.Values.Where(b => b.DeclarationRecordId is not null).Select(b => b.DeclarationRecordId!)).ToList();
        var citations = (await db.Set<LineageCitationEntity>().AsNoTracking().Where(c => citing.Contains(c.RecordId)).ToListAsync(ct).ConfigureAwait(false))
            .ToLookup(c => (c.RecordId, c.Role), c => c.CitedRecordId);
        var standings = new RecordStandings(db, flags);
        await standings.LoadAsync(citing.Concat(citations.SelectMany(g => g)), ct).ConfigureAwait(false);
        bool Verified(string recordId, string role) => standings.AllVerified(recordId, citations[(recordId, role)]);

        var calculator = new CbamCalculator(batches, transformations, inputs, outputs, Verified);
        var goods = new List<CbamGoodsBatch>();
        var keys = new Dictionary<CbamGoodsBatch, (string Cn, string Installation)>();
        var missing = 0;
        foreach (var batch in batches.Values.OrderBy(b => b.BatchId, StringComparer.Ordinal))
        {
            if (!metadata.TryGetValue(batch.BatchId, out var meta) || meta.CnCode is null || meta.Installation is null) { missing++; continue; }
            if (meta.ReferenceDate < query.Start || meta.ReferenceDate >= query.End) continue;
            if (query.BatchId is { } only && batch.BatchId != only) continue;
            if (query.CnCode is { Length: > 0 } cn && meta.CnCode != cn) continue;
            if (query.InstallationId is { Length: > 0 } installation && meta.Installation != installation) continue;
            if (query.ReachKeys is { } reach && !await lineage.IsWithinReachAsync(batch.BatchId, reach, ct).ConfigureAwait(false)) continue;
            var good = calculator.Good(batch, meta.ReferenceDate, id => metadata.GetValueOrDefault(id), id => Status(records.GetValueOrDefault(id)));
            goods.Add(good);
            keys[good] = (meta.CnCode, meta.Installation);
        }
        if (missing > 0) notes.Add($"{missing} batch(es) without product.cnCode or facility are not CBAM goods here and are not reported");

        var items = goods.GroupBy(g => keys[g]).OrderBy(g => g.Key.Cn, StringComparer.Ordinal).ThenBy(g => g.Key.Installation, StringComparer.Ordinal)
            .Select((group, index) => CbamCalculator.Item(index + 1, group.Key.Cn, group.Key.Installation, group.ToList())).ToList();
        return new CbamReport(query, clock.GetUtcNow(), items, notes);
    }

    /// <summary>The verification status of a figure's record: confirmed, anchored or pending on chain, else revoked or superseded.</summary>
    private static string Status(EvidenceRecordEntity? record) => record switch
    {
        null => "unknown",
        { RevokedAt: not null, SupersededBy: not null } => "superseded",
        { RevokedAt: not null } => "revoked",
        _ => record.Status.ToString().ToLowerInvariant(),
    };

    private BatchMetadata Metadata(EvidenceRecordEntity record)
    {
        using var stream = blobs.OpenRead(record.ContentHash);
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        string? cn = root.TryGetProperty("product", out var product) && product.TryGetProperty("cnCode", out var c) ? c.GetString() : null;
        string? installation = null;
        if (root.TryGetProperty("facility", out var facility))
            installation = facility.TryGetProperty("installationId", out var i) ? i.GetString()
                : facility.TryGetProperty("gln", out var g) ? "GLN " + g.GetString() : null;
        var reference = record.IssuedAt;
        if (root.TryGetProperty("productionPeriod", out var period) && period.TryGetProperty("end", out var end)
            && DateTimeOffset.TryParse(end.GetString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var ended))
            reference = ended;
        return new BatchMetadata(cn, installation, reference);
    }
}

/// <summary>What the batch record says that the lineage tables do not keep: CN code, installation, when production ended.</summary>
internal sealed record BatchMetadata(string? CnCode, string? Installation, DateTimeOffset ReferenceDate);
