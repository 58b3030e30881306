using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trace.Client.Standards.Pact;
using Trace.Domain;
using Trace.Node.Blobs;
using Trace.Node.Carbon.Footprint;
using Trace.Node.Chain;
using Trace.Node.Lineage.Queries;
using Trace.Node.Lineage.Records;
using Trace.Node.Lineage.Storage.Entities;
using Trace.Node.Storage;

namespace Trace.Node.Standards.Pact;

/// <summary>
/// The node side of PACT export: gathers a batch's materialised footprint, its batch record (GTIN, CN code, production
/// period), its declaration (for a declared batch) and the chain it is anchored on into a <see cref="PactFootprintSource"/>,
/// which the client library's <see cref="PactProductFootprintWriter"/> writes. Every batch of the lineage has a footprint:
/// computed by Trace, or declared by its supplier.
/// </summary>
public sealed class PactFootprints(LineageQueries queries, TraceStore store, IBlobStore blobs, ChainConnection chain, TraceContracts contracts)
{
    /// <summary>The source of <paramref name="batchId"/>'s ProductFootprint, or null when no batch record declares it.</summary>
    public async Task<PactFootprintSource?> GetAsync(string batchId, CancellationToken ct)
    {
        var f = await queries.GetFootprintAsync(batchId, includeUpstreamCitations: false, ct).ConfigureAwait(false);
        if (f is null) return null;
        var batchRecord = await store.GetRecordAsync(f.BatchRecordId, ct).ConfigureAwait(false);
        var batchJson = batchRecord is null ? null : Content(batchRecord);
        var parsed = batchJson is null ? null : BatchRecordParser.Parse(batchJson.RootElement);
        IReadOnlyDictionary<string, string>? declaredPcf = null;
        if (f.DeclarationRecordId is not null && await store.GetRecordAsync(f.DeclarationRecordId, ct).ConfigureAwait(false) is { } declaration
            && Content(declaration) is { } declarationJson)
            declaredPcf = DeclaredPcf(declarationJson.RootElement);
        return new PactFootprintSource
        {
            Id = PactFootprintIds.For(f.BatchId),
            BatchId = f.BatchId,
            BatchRecordId = f.BatchRecordId,
            Producer = f.Producer,
            ProductName = f.ProductName,
            Gtin = parsed?.Product.Gtin,
            CnCode = parsed?.Product.CnCode,
            Quantity = f.Quantity,
            Unit = f.Unit,
            TotalKgCo2e = f.Total,
            PrimaryKgCo2e = f.Primary,
            VerifiedKgCo2e = f.Verified,
            Scope1KgCo2e = f.Scope1,
            Scope2KgCo2e = f.Scope2,
            Scope3KgCo2e = f.Scope3,
            Declared = f.Declared,
            DeclarationRecordId = f.DeclarationRecordId,
            DeclaredPcf = declaredPcf,
            PeriodStart = parsed?.ProductionPeriod?.Start,
            PeriodEnd = parsed?.ProductionPeriod?.End,
            Created = batchRecord?.IssuedAt ?? f.ComputedAt,
            ComputedAt = f.ComputedAt,
            VerificationAsOf = f.VerifiedAt,
            TransportNotReported = f.TransportNotReported.Count > 0 || f.TransportNotReportedUpstream,
            WithdrawnRecordIds = [.. f.Withdrawn.Select(w => w.RecordId).Distinct()],
            FactorSetVersions = f.FactorSetVersions,
            Figures = [.. f.Breakdown.Select(Figure)],
            Citations = [.. f.Citations.Select(c => new PactCitation(c.RecordId, c.Kind.ToString(), c.Role, c.Status.ToString(), c.Standing, c.Primary, c.BatchId))],
            ChainId = chain.ChainId,
            EvidenceRegistry = contracts.Ready.IsCompletedSuccessfully ? contracts.Deployment.EvidenceRegistry.ToString() : null,
        };
    }

    /// <summary>Every batch id of the lineage with its footprint id, ordered by footprint id (the listing's stable order).</summary>
    public async Task<IReadOnlyList<(Guid Id, string BatchId)>> ListAsync(CancellationToken ct)
    {
        await using var db = store.OpenContext();
        var ids = await db.Set<LineageBatchEntity>().AsNoTracking().Select(b => b.BatchId).ToListAsync(ct).ConfigureAwait(false);
        return [.. ids.Select(id => (PactFootprintIds.For(id), id)).OrderBy(p => p.Item1)];
    }

    /// <summary>The Rec 20 unit of <paramref name="batchId"/>'s quantity, or null when no batch record declares it.</summary>
    public async Task<string?> BatchUnitAsync(string batchId, CancellationToken ct)
    {
        await using var db = store.OpenContext();
        return await db.Set<LineageBatchEntity>().AsNoTracking().Where(b => b.BatchId == batchId).Select(b => b.Unit).FirstOrDefaultAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The batch whose footprint id is <paramref name="id"/>, or null.</summary>
    public async Task<string?> FindAsync(Guid id, CancellationToken ct)
    {
        foreach (var (footprintId, batchId) in await ListAsync(ct).ConfigureAwait(false))
            if (footprintId == id) return batchId;
        return null;
    }

    private static PactFigure Figure(FootprintComponent c) => new(
        c.Stage.ToString(), c.KgCo2e, c.PrimaryKgCo2e, c.VerifiedKgCo2e,
        c.Method switch { null => null, Domain.Lineage.EmissionMethod.Measured => "measured", Domain.Lineage.EmissionMethod.Calculated => "calculated", _ => "default_factor" },
        c.RecordId, c.InputBatchId, c.ShipmentId ?? c.LegShipmentId, c.LegIndex, c.FactorSetVersion);

    private JsonDocument? Content(EvidenceRecord record)
    {
        if (!blobs.Exists(record.ContentHash)) return null;
        using var stream = blobs.OpenRead(record.ContentHash);
        return JsonDocument.Parse(stream);
    }

    private static Dictionary<string, string> DeclaredPcf(JsonElement declaration)
    {
        var pcf = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["declaredUnit"] = declaration.GetProperty("declaredUnit").GetString()!,
            ["unitaryProductAmount"] = declaration.GetProperty("unitaryProductAmount").GetString()!,
        };
        foreach (var member in declaration.GetProperty("pcf").EnumerateObject())
            if (member.Value.ValueKind is JsonValueKind.String) pcf[member.Name] = member.Value.GetString()!;
            else if (member.Value.ValueKind is JsonValueKind.True or JsonValueKind.False) pcf[member.Name] = member.Value.ValueKind == JsonValueKind.True ? "true" : "false";
        return pcf;
    }
}
