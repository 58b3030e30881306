using Microsoft.EntityFrameworkCore;
using Trace.Node.Storage;

namespace Trace.Node.Lineage.Storage;

/// <summary>Lineage rows read by their string primary key in bulk, one query per 500 keys, tracked by the context.</summary>
internal static class TrackedRows
{
    /// <summary>
    /// The rows of <typeparamref name="TEntity"/> whose key is among <paramref name="keys"/>; the keys with no row are
    /// added to <paramref name="absent"/> when given.
    /// </summary>
    public static async Task<List<TEntity>> ByKeyAsync<TEntity>(TraceDbContext db, IEnumerable<string> keys, CancellationToken ct, ISet<string>? absent = null)
        where TEntity : class
    {
        var key = db.Model.FindEntityType(typeof(TEntity))!.FindPrimaryKey()!.Properties.Single();
        var rows = new List<TEntity>();
        foreach (var chunk in keys.Chunk(500))
        {
            var part = chunk.ToList();
            var found = await db.Set<TEntity>().Where(e => part.Contains(EF.Property<string>(e, key.Name))).ToListAsync(ct).ConfigureAwait(false);
            absent?.UnionWith(part.Except(found.Select(e => (string)key.GetGetter().GetClrValue(e)!), StringComparer.Ordinal));
            rows.AddRange(found);
        }
        return rows;
    }
}
