using Microsoft.EntityFrameworkCore;
using Trace.Domain;
using Trace.Domain.Lineage;
using Trace.Crypto;
using Trace.Node.Carbon.Factors;
using Trace.Node.ContentAccess;
using Trace.Node.Decisions.Plans;
using Trace.Node.Lineage.Storage;
using Trace.Node.Lineage.Storage.Entities;
using Trace.Node.Storage;

namespace Trace.Node.Lineage.Intake;

/// <summary>
/// Applies one lineage record to the lineage inside the caller's transaction: checks it against the records already
/// there (refusing with the JSON path and the batch named), then writes its rows. Returns the batches whose
/// footprints must be recomputed (they and everything downstream of them).
/// </summary>
/// <remarks>
/// Checks read the state as the open transaction sees it plus what the context tracks, so records accepted earlier in
/// the same group count whether or not their rows are flushed yet. The writer does not save: the caller flushes.
/// A record that states no <c>supersedes</c> is refused, if at all, before it changes anything
/// (<see cref="WritesBegan"/> says when it started to), so its group can keep the rows of the records before it
/// unflushed. A correction may be refused after some rows were changed (it first releases what the record it
/// corrects had consumed); the caller flushes before it and rolls back to its savepoint.
/// </remarks>
internal sealed partial class LineageWriter(
    TraceDbContext db, ITransportFactorProvider? factors, IParticipantKeys? keys = null, IRoutePlanSource? plans = null, LineageGroupScope? scope = null)
{
    private DbSet<LineageBatchEntity> Batches => db.Set<LineageBatchEntity>();
    private DbSet<LineageTransformationEntity> Transformations => db.Set<LineageTransformationEntity>();
    private DbSet<LineageInputEntity> Inputs => db.Set<LineageInputEntity>();
    private DbSet<LineageOutputEntity> Outputs => db.Set<LineageOutputEntity>();
    private DbSet<LineageShipmentEntity> Shipments => db.Set<LineageShipmentEntity>();
    private DbSet<LineageRecordEntity> Records => db.Set<LineageRecordEntity>();
    private DbSet<LineageCitationEntity> Citations => db.Set<LineageCitationEntity>();

    private readonly LineageCompiledQueries _queries = LineageCompiledQueries.For(db);

    // Look-ups by key: the entity this record already tracks (added or changed), else a compiled query (which returns
    // the tracked instance too). FindAsync builds its query anew on every call, a cost the single writer paid per row.
    // The group scope knows which ids have no row at all, so a new record's own id costs no look-up either.
    private async ValueTask<LineageBatchEntity?> FindBatchAsync(string id, CancellationToken ct) =>
        Batches.Local.FindEntry(id)?.Entity
        ?? (scope?.IsAbsentBatch(id) == true ? null : await _queries.BatchById(db, id, ct).ConfigureAwait(false));

    private async ValueTask<LineageTransformationEntity?> FindTransformationAsync(string id, CancellationToken ct) =>
        Transformations.Local.FindEntry(id)?.Entity
        ?? (scope?.IsAbsentTransformation(id) == true ? null : await _queries.TransformationById(db, id, ct).ConfigureAwait(false));

    private async ValueTask<LineageShipmentEntity?> FindShipmentAsync(string id, CancellationToken ct) =>
        Shipments.Local.FindEntry(id)?.Entity
        ?? (scope?.IsAbsentShipment(id) == true ? null : await _queries.ShipmentById(db, id, ct).ConfigureAwait(false));

    /// <summary>
    /// True once <see cref="ApplyAsync"/> started changing rows: a refusal after this point leaves changes in the context
    /// that only clearing it undoes.
    /// </summary>
    public bool WritesBegan { get; private set; }

    /// <summary>Marks the end of a record's checks: from here on it writes, and nothing refuses it.</summary>
    private void BeginWrites() => WritesBegan = true;

    /// <summary>
    /// True after <see cref="ApplyAsync"/> declared a batch never seen before (nothing can consume or ship a batch before
    /// its record is accepted) or recorded a new transformation whose outputs nothing consumes yet: the batches to
    /// recompute have no downstream to look up.
    /// </summary>
    public bool SeedsHaveNoDownstream { get; private set; }

    /// <summary>Checks <paramref name="record"/> and stages its rows in the context (unsaved); returns the batches to recompute.</summary>
    public async Task<IReadOnlyCollection<string>> ApplyAsync(LineageRecord record, AcceptedClaim claim, CancellationToken ct)
    {
        var kind = KindName(record);
        if (!string.Equals(claim.Subject, record.Identifier, StringComparison.Ordinal))
            throw new InvalidFieldException("subject_id", $"must equal the {kind} record's identifier {record.Identifier}");
        var affected = record switch
        {
            BatchRecord batch => await ApplyBatchAsync(batch, claim, ct).ConfigureAwait(false),
            TransformationRecord transformation => await ApplyTransformationAsync(transformation, claim, ct).ConfigureAwait(false),
            ShipmentRecord shipment => await ApplyShipmentAsync(shipment, claim, ct).ConfigureAwait(false),
            FootprintDeclaration declaration => await ApplyDeclarationAsync(declaration, claim, ct).ConfigureAwait(false),
            _ => throw new InvalidFieldException("record_json", $"unsupported lineage record {record.GetType().Name}"),
        };
        return affected;
    }

    private static string KindName(LineageRecord record) => record switch
    {
        BatchRecord => "batch",
        TransformationRecord => "transformation",
        ShipmentRecord => "shipment",
        _ => "footprint declaration",
    };

    private static RecordKind KindOf(LineageRecord record) => record switch
    {
        BatchRecord => RecordKind.Batch,
        TransformationRecord => RecordKind.Transformation,
        ShipmentRecord => RecordKind.Shipment,
        _ => RecordKind.ProductCarbonFootprint,
    };

    /// <summary>
    /// True when two addresses speak for the same organisation: the same key, or two keys of one registered participant
    /// (a rotated or second key), so an organisation keeps its batches, shipments and corrections across its keys.
    /// </summary>
    private async Task<bool> SamePartyAsync(string? a, string? b, CancellationToken ct)
    {
        if (a is null || b is null) return false;
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase)) return true;
        if (keys is null || !EthereumAddress.TryParse(a, out var first) || !EthereumAddress.TryParse(b, out var second)) return false;
        var owner = await keys.ParticipantOfAsync(first, ct).ConfigureAwait(false);
        return owner is not null && string.Equals(owner, await keys.ParticipantOfAsync(second, ct).ConfigureAwait(false), StringComparison.Ordinal);
    }

    /// <summary>The record <paramref name="record"/> supersedes: a current lineage record of the same kind, issuer and identifier.</summary>
    private async Task<LineageRecordEntity> RequireSupersededAsync(LineageRecord record, AcceptedClaim claim, CancellationToken ct)
    {
        var kind = KindName(record);
        var id = record.Supersedes!.ToLowerInvariant();
        var old = await Records.FindAsync([id], ct).ConfigureAwait(false)
            ?? throw Refusal.Of("supersedes", kind, $"{record.Identifier}: supersedes {id}, which is not a lineage record this node accepted");
        if (old.Kind != KindOf(record))
            throw Refusal.Of("supersedes", kind, $"{record.Identifier}: supersedes {id}, a record of another kind ({old.Kind})");
        if (!await SamePartyAsync(old.Issuer, claim.Issuer, ct).ConfigureAwait(false))
            throw Refusal.Of("supersedes", kind, $"{record.Identifier}: supersedes {id}, issued by {old.Issuer}; only its issuing organisation (any of its keys) may correct it");
        if (!string.Equals(old.Identifier, record.Identifier, StringComparison.Ordinal))
            throw Refusal.Of("supersedes", kind, $"{record.Identifier}: supersedes {id}, which is about {old.Identifier}; a correction keeps the identifier");
        if (!old.Current)
            throw Refusal.Of("supersedes", kind, $"{record.Identifier}: supersedes {id}, which was already superseded by {old.SupersededBy}");
        return old;
    }

    /// <summary>Adds the lineage record row (and retires the one it supersedes).</summary>
    private void AddRecordRow(LineageRecord record, AcceptedClaim claim, LineageRecordEntity? superseded)
    {
        if (superseded is not null)
        {
            superseded.Current = false;
            superseded.SupersededBy = claim.RecordId;
        }
        Records.Add(new LineageRecordEntity
        {
            RecordId = claim.RecordId, Kind = KindOf(record), Identifier = record.Identifier, Issuer = claim.Issuer, Current = true,
        });
    }

    /// <summary>Every cited record must be known to this node; one query for all.</summary>
    private async Task RequireCitedAsync(string kind, string identifier, IReadOnlyList<(string Path, string RecordId)> cited, CancellationToken ct)
    {
        if (cited.Count == 0) return;
        var ids = cited.Select(c => c.RecordId.ToLowerInvariant()).Distinct().ToList();
        if (scope is not null && ids.TrueForAll(scope.IsKnownRecord)) return;
        var known = (await _queries.KindsOf(db, ids).Select(r => r.Id).ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        foreach (var (path, recordId) in cited)
            if (!known.Contains(recordId.ToLowerInvariant()))
                throw Refusal.Of(path, kind, $"{identifier}: cites unknown record {recordId}");
    }

    private void AddCitations(string recordId, string role, IEnumerable<string> cited, bool primary)
    {
        foreach (var id in cited.Select(c => c.ToLowerInvariant()).Distinct())
            Citations.Add(new LineageCitationEntity { RecordId = recordId, CitedRecordId = id, Role = role, Primary = primary });
    }

    private static void Cite(List<(string, string)> cited, string path, EmissionFigure? figure)
    {
        if (figure is null) return;
        for (var i = 0; i < figure.Evidence.Count; i++) cited.Add(($"{path}.evidence[{i}]", figure.Evidence[i]));
    }

    private static string? MethodName(EmissionFigure? figure) => figure?.Method.ToString();
}
