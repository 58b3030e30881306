using System.Collections.Concurrent;

namespace Trace.Node.Storage;

/// <summary>
/// One instance of a set of compiled EF queries (<typeparamref name="TQueries"/>) per context type, that is per provider.
/// </summary>
/// <remarks>
/// Compiled because the writers run these look-ups per record, where the per-call query pipeline (funcletizer,
/// cache-key hashing of the expression tree) cost more than the look-up itself. Per context type because a compiled
/// query keeps the executor of the first context it ran on, and one process may hold SQLite and PostgreSQL contexts
/// (the tests do).
/// </remarks>
internal static class CompiledQueriesPerContext<TQueries> where TQueries : new()
{
    private static readonly ConcurrentDictionary<Type, TQueries> ByContext = new();

    /// <summary>The queries for <paramref name="db"/>'s provider.</summary>
    public static TQueries For(TraceDbContext db) => ByContext.GetOrAdd(db.GetType(), _ => new TQueries());
}
