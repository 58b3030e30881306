using Microsoft.EntityFrameworkCore;
using Trace.Node.Storage.Entities;

namespace Trace.Node.Storage;

public sealed partial class TraceStore
{
    /// <summary>Every transport factor set this node has used, by version (ordinal).</summary>
    public async Task<IReadOnlyList<StoredFactorSet>> GetFactorSetsAsync(CancellationToken cancellationToken)
    {
        await using var db = Open();
        var rows = await db.FactorSets.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.OrderBy(r => r.Version, StringComparer.Ordinal).Select(ToStored)];
    }

    /// <summary>
    /// Records that <paramref name="candidate"/> is active now: inserted when the version is new, otherwise only its
    /// last activation time moves. Returns the row as stored (an existing row keeps its salt, nonce and record id).
    /// </summary>
    public async Task<StoredFactorSet> ActivateFactorSetAsync(StoredFactorSet candidate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        await using var db = Open();
        var row = await db.FactorSets.FirstOrDefaultAsync(r => r.Version == candidate.Version, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            row = new TransportFactorSetEntity
            {
                Version = candidate.Version,
                BodyJson = candidate.BodyJson,
                Salt = candidate.Salt,
                Nonce = candidate.Nonce,
                IssuedAt = candidate.IssuedAt,
                RecordId = candidate.RecordId,
                FirstActivatedAt = Now,
            };
            db.FactorSets.Add(row);
        }
        row.LastActivatedAt = Now;
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException) when (db.ChangeTracker.Entries<TransportFactorSetEntity>().Any(e => e.State == EntityState.Added))
        {
            // Another instance inserted the same version first: its row (salt, nonce) is the one every instance uses.
            await using var again = Open();
            row = await again.FactorSets.AsNoTracking().FirstAsync(r => r.Version == candidate.Version, cancellationToken).ConfigureAwait(false);
        }
        return ToStored(row);
    }

    /// <summary>Records the record id a factor set was submitted as. Returns false for an unknown version.</summary>
    public async Task<bool> SetFactorSetRecordAsync(string version, string recordId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(recordId);
        await using var db = Open();
        var updated = await db.FactorSets.Where(r => r.Version == version)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.RecordId, recordId.ToLowerInvariant()), cancellationToken).ConfigureAwait(false);
        return updated > 0;
    }

    private static StoredFactorSet ToStored(TransportFactorSetEntity row) =>
        new(row.Version, row.BodyJson, row.Salt, row.Nonce, row.IssuedAt, row.RecordId, row.FirstActivatedAt, row.LastActivatedAt);
}
