using Trace.Domain;
using Trace.Node.Lineage.Storage;
using Trace.Node.Storage;

namespace Trace.Node.Lineage.Propagation;

/// <summary>Record standings read in bulk and kept for one unit of work.</summary>
internal sealed class RecordStandings(TraceDbContext db, IRegulatorFlagSource flags)
{
    private readonly Dictionary<string, RecordStanding> _known = new(StringComparer.Ordinal);
    private readonly LineageCompiledQueries _queries = LineageCompiledQueries.For(db);

    /// <summary>Loads the standings not loaded yet.</summary>
    public async Task LoadAsync(IEnumerable<string> recordIds, CancellationToken ct)
    {
        var missing = recordIds.Where(id => !_known.ContainsKey(id)).Distinct().ToList();
        foreach (var chunk in missing.Chunk(500))
        {
            var ids = chunk.ToList();
            var rows = await _queries.StandingsOf(db, ids).ToListAsync(ct).ConfigureAwait(false);
            var flagged = await flags.OpenFlagsAsync(db, ids, ct).ConfigureAwait(false);
            foreach (var r in rows) _known[r.Id] = new RecordStanding(r.Id, r.Kind, r.Status, r.Revoked, r.SupersededBy, flagged.Contains(r.Id));
        }
    }

    /// <summary>The standing of a loaded record (an unknown id stands as unconfirmed).</summary>
    public RecordStanding Get(string recordId) =>
        _known.TryGetValue(recordId, out var standing) ? standing : new RecordStanding(recordId, RecordKind.Other, RecordStatus.Pending, false, null, false);

    /// <summary>True when the record and all its evidence are verified.</summary>
    public bool AllVerified(string recordId, IEnumerable<string> evidence) => Get(recordId).Verified && evidence.All(e => Get(e).Verified);

    /// <summary>True when the record or any of its evidence is withdrawn.</summary>
    public bool AnyWithdrawn(string recordId, IEnumerable<string> evidence) => Get(recordId).Withdrawn || evidence.Any(e => Get(e).Withdrawn);
}
