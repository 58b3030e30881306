using Microsoft.EntityFrameworkCore;
using Trace.Domain;
using Trace.Node.ContentAccess.Storage;
using Trace.Node.Lineage.Storage.Entities;
using Trace.Node.Storage;

namespace Trace.Node.ContentAccess;

/// <summary>Content grants in the index database, and the question "does an active grant let this participant read this record?".</summary>
public sealed class ContentGrantStore(IDbContextFactory<TraceDbContext> contexts, TimeProvider clock)
{
    /// <summary>Largest page <see cref="ListAsync"/> answers.</summary>
    public const int MaxPageSize = 500;

    /// <summary>
    /// Stores an active grant, or returns the active grant with the same issuer, grantee, scope and target (Created false):
    /// granting twice is harmless.
    /// </summary>
    public async Task<(ContentGrant Grant, bool Created)> AddAsync(string issuer, string grantee, ContentGrantScope scope, string target, string grantedBy, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        var existing = await db.Set<ContentGrantEntity>().AsNoTracking()
            .FirstOrDefaultAsync(g => g.Issuer == issuer && g.Grantee == grantee && g.Scope == scope && g.Target == target && g.RevokedAt == null, ct).ConfigureAwait(false);
        if (existing is not null) return (ToGrant(existing), false);
        var entity = new ContentGrantEntity
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()).ToString("N"),
            Issuer = issuer,
            Grantee = grantee,
            Scope = scope,
            Target = target,
            GrantedBy = grantedBy,
            GrantedAt = StorageTime.Normalize(clock.GetUtcNow()),
        };
        db.Add(entity);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return (ToGrant(entity), true);
    }

    /// <summary>The grant with this id, or null.</summary>
    public async Task<ContentGrant?> GetAsync(string id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        var entity = await db.Set<ContentGrantEntity>().AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, ct).ConfigureAwait(false);
        return entity is null ? null : ToGrant(entity);
    }

    /// <summary>Marks a grant revoked (the row stays, for the audit trail); revoking a revoked grant changes nothing.</summary>
    public async Task<ContentGrant> RevokeAsync(string id, string revokedBy, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        var entity = await db.Set<ContentGrantEntity>().FirstOrDefaultAsync(g => g.Id == id, ct).ConfigureAwait(false)
            ?? throw new ContentGrantNotFoundException(id);
        if (entity.RevokedAt is null)
        {
            entity.RevokedAt = StorageTime.Normalize(clock.GetUtcNow());
            entity.RevokedBy = revokedBy;
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        return ToGrant(entity);
    }

    /// <summary>
    /// Grants in id (creation) order after <paramref name="afterId"/>: those <paramref name="participant"/> made or
    /// received (every grant when null), without revoked ones unless <paramref name="includeRevoked"/>.
    /// </summary>
    public async Task<IReadOnlyList<ContentGrant>> ListAsync(string? participant, bool includeRevoked, string? afterId, int pageSize, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        var query = db.Set<ContentGrantEntity>().AsNoTracking();
        if (participant is not null) query = query.Where(g => g.Issuer == participant || g.Grantee == participant);
        if (!includeRevoked) query = query.Where(g => g.RevokedAt == null);
        if (afterId is not null) query = query.Where(g => string.Compare(g.Id, afterId) > 0);
        var rows = await query.OrderBy(g => g.Id).Take(Math.Clamp(pageSize, 1, MaxPageSize)).ToListAsync(ct).ConfigureAwait(false);
        return rows.Select(ToGrant).ToList();
    }

    /// <summary>
    /// The active grant from <paramref name="issuer"/> to <paramref name="grantee"/> that covers record
    /// <paramref name="recordId"/> (issued by <paramref name="issuer"/>): a record grant on it, or a batch grant on a
    /// batch the record is about (<see cref="BatchesOfAsync"/>); null when none.
    /// </summary>
    public async Task<ContentGrant?> FindCoveringAsync(string issuer, string grantee, string recordId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        var active = db.Set<ContentGrantEntity>().AsNoTracking().Where(g => g.Issuer == issuer && g.Grantee == grantee && g.RevokedAt == null);
        var direct = await active.FirstOrDefaultAsync(g => g.Scope == ContentGrantScope.Record && g.Target == recordId, ct).ConfigureAwait(false);
        if (direct is not null) return ToGrant(direct);
        if (!await active.AnyAsync(g => g.Scope == ContentGrantScope.Batch, ct).ConfigureAwait(false)) return null;
        var batches = await BatchesOfAsync(db, recordId, ct).ConfigureAwait(false);
        if (batches.Count == 0) return null;
        var viaBatch = await active.FirstOrDefaultAsync(g => g.Scope == ContentGrantScope.Batch && batches.Contains(g.Target), ct).ConfigureAwait(false);
        return viaBatch is null ? null : ToGrant(viaBatch);
    }

    /// <summary>True when this node holds a lineage record about <paramref name="batchId"/> (a batch record or a shipment of it).</summary>
    public async Task<bool> BatchKnownAsync(string batchId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.Set<LineageBatchEntity>().AnyAsync(b => b.BatchId == batchId, ct).ConfigureAwait(false)
            || await db.Set<LineageShipmentEntity>().AnyAsync(s => s.BatchId == batchId, ct).ConfigureAwait(false)
            || await db.Set<LineageRecordEntity>().AnyAsync(r => r.Identifier == batchId && r.Kind == RecordKind.Batch, ct).ConfigureAwait(false);
    }

    // The batches a record is about: a batch record or footprint declaration names its batch; a transformation record
    // its output batches; a shipment record the batch it carries; an evidence record the batches of the lineage
    // records citing it (one level: lineage records cite evidence, evidence cites nothing).
    private static async Task<List<string>> BatchesOfAsync(TraceDbContext db, string recordId, CancellationToken ct)
    {
        var citing = await db.Set<LineageCitationEntity>().AsNoTracking().Where(c => c.CitedRecordId == recordId)
            .Select(c => c.RecordId).Distinct().ToListAsync(ct).ConfigureAwait(false);
        var records = citing.Append(recordId).ToList();
        var named = await db.Set<LineageRecordEntity>().AsNoTracking()
            .Where(r => records.Contains(r.RecordId) && (r.Kind == RecordKind.Batch || r.Kind == RecordKind.ProductCarbonFootprint))
            .Select(r => r.Identifier).ToListAsync(ct).ConfigureAwait(false);
        var transformations = await db.Set<LineageTransformationEntity>().AsNoTracking().Where(t => records.Contains(t.RecordId))
            .Select(t => t.TransformationId).ToListAsync(ct).ConfigureAwait(false);
        var outputs = transformations.Count == 0 ? [] : await db.Set<LineageOutputEntity>().AsNoTracking()
            .Where(o => transformations.Contains(o.TransformationId)).Select(o => o.BatchId).ToListAsync(ct).ConfigureAwait(false);
        var shipped = await db.Set<LineageShipmentEntity>().AsNoTracking().Where(s => records.Contains(s.RecordId))
            .Select(s => s.BatchId).ToListAsync(ct).ConfigureAwait(false);
        return named.Concat(outputs).Concat(shipped).Distinct(StringComparer.Ordinal).ToList();
    }

    private static ContentGrant ToGrant(ContentGrantEntity e) =>
        new(e.Id, e.Issuer, e.Grantee, e.Scope, e.Target, e.GrantedBy, e.GrantedAt, e.RevokedBy, e.RevokedAt);
}
