using Microsoft.EntityFrameworkCore;
using Trace.Node.Decisions.Storage;
using Trace.Node.Storage;

namespace Trace.Node.Decisions.Cbam;

/// <summary>The operator's CBAM default values per CN code, in the index database (table CbamDefaultValues).</summary>
public sealed class CbamDefaultValueTable(IDbContextFactory<TraceDbContext> contexts, TimeProvider clock)
{
    /// <summary>Every row, by CN code.</summary>
    public async Task<IReadOnlyList<CbamDefaultValue>> AllAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        var rows = await db.Set<CbamDefaultValueEntity>().AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.OrderBy(r => r.CnCode, StringComparer.Ordinal).Select(ToValue)];
    }

    /// <summary>The row of <paramref name="cnCode"/>, or null.</summary>
    public async Task<CbamDefaultValue?> FindAsync(string cnCode, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        var row = await db.Set<CbamDefaultValueEntity>().AsNoTracking().FirstOrDefaultAsync(r => r.CnCode == cnCode, ct).ConfigureAwait(false);
        return row is null ? null : ToValue(row);
    }

    /// <summary>Inserts or replaces rows by CN code, in one transaction. Returns (created, replaced).</summary>
    public async Task<(int Created, int Replaced)> PutAsync(IReadOnlyList<CbamDefaultValue> values, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(values);
        await using var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        var codes = values.Select(v => v.CnCode).ToList();
        var existing = await db.Set<CbamDefaultValueEntity>().Where(r => codes.Contains(r.CnCode)).ToDictionaryAsync(r => r.CnCode, StringComparer.Ordinal, ct).ConfigureAwait(false);
        var created = 0;
        foreach (var value in values)
        {
            if (!existing.TryGetValue(value.CnCode, out var row))
            {
                row = new CbamDefaultValueEntity { CnCode = value.CnCode, Source = value.Source };
                db.Add(row);
                existing[value.CnCode] = row;
                created++;
            }
            row.DirectTonnesPerTonne = value.DirectTonnesPerTonne;
            row.IndirectTonnesPerTonne = value.IndirectTonnesPerTonne;
            row.PricesIndirect = value.PricesIndirect;
            row.Source = value.Source;
            row.UpdatedAt = StorageTime.Normalize(clock.GetUtcNow());
        }
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return (created, values.Count - created);
    }

    private static CbamDefaultValue ToValue(CbamDefaultValueEntity row) =>
        new(row.CnCode, row.DirectTonnesPerTonne, row.IndirectTonnesPerTonne, row.PricesIndirect, row.Source, row.UpdatedAt);
}
