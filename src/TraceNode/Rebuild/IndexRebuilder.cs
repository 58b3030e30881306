using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Trace.Crypto;
using Trace.Domain;
using Trace.Domain.Lineage;
using Trace.Node.Anchoring;
using Trace.Node.Blobs;
using Trace.Node.Carbon.Factors;
using Trace.Node.Chain;
using Trace.Node.Decisions.Plans;
using Trace.Node.ContentAccess;
using Trace.Node.Lineage;
using Trace.Node.Lineage.Intake;
using Trace.Node.Lineage.Projection;
using Trace.Node.Lineage.Propagation;
using Trace.Node.Lineage.Records;
using Trace.Node.Storage;

namespace Trace.Node.Rebuild;

/// <summary>
/// Builds a fresh index (a new SQLite file) from the blob store's journal and the chain: records from their envelopes
/// in acceptance order (lineage records replayed through the lineage's single writer, so lineage rows and footprints
/// come out as they were computed), batches from their manifests, anchoring and confirmation from the registry's
/// BatchAnchored events, revocations and supersessions from its withdrawal events, then the lineage standings through
/// the status projector. docs/rebuild.md says what is rebuilt and what is local to a node.
/// </summary>
public sealed partial class IndexRebuilder(
    IBlobStore blobs,
    TraceContracts contracts,
    ChainConnection chain,
    LineageRecordReader lineageReader,
    IOptions<ChainOptions> chainOptions,
    IOptions<LineageOptions> lineageOptions,
    TimeProvider clock,
    ILoggerFactory? loggers = null,
    ITransportFactorProvider? factors = null,
    IParticipantKeys? keys = null)
{
    private const int RecordChunk = 2000;
    private readonly ILoggerFactory _loggers = loggers ?? NullLoggerFactory.Instance;

    // The lineage is replayed before any flag is indexed (the fresh database has none yet, and the live one may be gone):
    // the registry event follower re-reads the flags afterwards and the status projector marks the footprints then.
    private static readonly NoRegulatorFlags NoFlagsYet = new();

    /// <summary>Builds the index into <paramref name="sqlitePath"/>, which must not exist yet.</summary>
    /// <exception cref="IOException">the file exists.</exception>
    public async Task<RebuildReport> RebuildAsync(string sqlitePath, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(sqlitePath);
        var path = Path.GetFullPath(sqlitePath);
        if (File.Exists(path)) throw new IOException($"{path} exists; a rebuild writes a fresh database");
        var started = clock.GetTimestamp();
        var logger = _loggers.CreateLogger<IndexRebuilder>();
        var storageOptions = Options.Create(new TraceStorageOptions { ConnectionString = $"Data Source={path}", DataDirectory = Path.GetDirectoryName(path)! });
        using var factory = new TraceDbContextFactory(storageOptions);
        await new DatabaseMigrator(factory).MigrateAsync(ct).ConfigureAwait(false);
        var store = new TraceStore(factory, clock);
        var report = new RebuildReport { DatabasePath = path };
        await contracts.Ready.WaitAsync(ct).ConfigureAwait(false);

        var journal = ReadJournal(report);
        LogRead(logger, journal.Claims.Count, journal.Manifests.Count);
        await using (var lineage = new LineageCommitQueue(store, [], NoFlagsYet, clock, _loggers.CreateLogger<LineageCommitQueue>(), factors, blobs: null, keys: keys, plans: new RoutePlanStore(blobs)))
        {
            await RestoreRecordsAsync(store, lineage, journal, report, ct).ConfigureAwait(false);
            await RestoreBatchesAsync(store, journal, report, ct).ConfigureAwait(false);
            var history = await RegistryHistory.ReadAsync(contracts, chain, ct).ConfigureAwait(false);
            await ApplyChainAsync(store, journal, history, report, ct).ConfigureAwait(false);
            await RestoreFactorSetsAsync(store, journal, ct).ConfigureAwait(false);
            var projector = new LineageStatusProjector(store, lineage, NoFlagsYet, lineageOptions, clock, _loggers.CreateLogger<LineageStatusProjector>());
            while (await projector.CatchUpAsync(ct).ConfigureAwait(false)) { }
            report.RpcCalls = history.RpcCalls;
        }
        // Everything into the main file, so the file alone is the index (the offline command moves it into place).
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct).ConfigureAwait(false);
        }
        report.Elapsed = clock.GetElapsedTime(started);
        LogDone(logger, report.Records, report.Batches, report.Elapsed.TotalSeconds, path);
        return report;
    }

    private JournalContents ReadJournal(RebuildReport report)
    {
        var snapshot = JournalSnapshot.Read(blobs);
        report.Unreadable.AddRange(snapshot.Unreadable);
        return new JournalContents(snapshot.Envelopes.ConvertAll(e => (e.Claim, Hex.Decode(e.EnvelopeHash))), snapshot.Manifests);
    }

    private byte[] ReadAll(byte[] sha256)
    {
        using var stream = blobs.OpenRead(sha256);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    // Acceptance order: plain records are inserted in chunks; a lineage record goes through the lineage writer after
    // every record before it is in (it may cite them), and the writer keeps the order of lineage records itself.
    private async Task RestoreRecordsAsync(TraceStore store, LineageCommitQueue lineage, JournalContents journal, RebuildReport report, CancellationToken ct)
    {
        var plain = new List<AcceptedClaim>(RecordChunk);
        var replays = new List<(string Id, Task<LineageOutcome> Outcome)>();
        foreach (var (claim, _) in journal.Claims)
        {
            if (!LineageRecordKinds.IsStructuredLineage(claim.Kind) || claim.MediaType != Evidence.EvidenceIntake.CanonicalJsonMediaType)
            {
                plain.Add(claim);
                if (plain.Count >= RecordChunk) await FlushAsync().ConfigureAwait(false);
                continue;
            }
            await FlushAsync().ConfigureAwait(false);
            LineageRecord record;
            try
            {
                using var document = JsonDocument.Parse(ReadAll(claim.ContentHash));
                record = lineageReader.Read(claim.Kind, document.RootElement, claim.Subject);
            }
            catch (Exception e) when (e is BlobNotFoundException or BlobCorruptException or JsonException or InvalidFieldException)
            {
                // Without its content a lineage record cannot be replayed; it is kept as a record (its claim is signed).
                report.Unreadable.Add($"lineage content of {claim.RecordId}: {e.Message}");
                plain.Add(claim);
                continue;
            }
            replays.Add((claim.RecordId, lineage.AddAsync(new LineageSubmission(record, claim), ct)));
        }
        await FlushAsync().ConfigureAwait(false);
        foreach (var (id, outcome) in replays)
        {
            var done = await outcome.ConfigureAwait(false);
            if (done.Refusal is not null) report.Refused.Add($"{id}: {done.Refusal.Message}");
            else report.Records++;
        }

        async Task FlushAsync()
        {
            if (plain.Count == 0) return;
            var results = await store.AddAcceptedClaimsAsync(plain, ct).ConfigureAwait(false);
            report.Records += results.Count(r => r.Created);
            plain.Clear();
        }
    }

    private static async Task RestoreBatchesAsync(TraceStore store, JournalContents journal, RebuildReport report, CancellationToken ct)
    {
        // A record named by two manifests belongs to the later batch (the earlier one never committed).
        var owner = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var manifest in journal.Manifests.Values)
            foreach (var leaf in manifest.Leaves) owner[leaf] = manifest.BatchId;
        foreach (var manifest in journal.Manifests.Values)
        {
            if (manifest.Leaves.Any(leaf => owner[leaf] != manifest.BatchId))
            {
                report.Unreadable.Add($"manifest of batch {manifest.BatchId} was superseded by a later batch of the same records");
                continue;
            }
            var tree = MerkleBatchTree.Build(manifest.Leaves.Select(leaf => Hex.Decode(leaf)).ToList());
            if (!tree.Root.AsSpan().SequenceEqual(manifest.Root))
            {
                report.Unreadable.Add($"manifest of batch {manifest.BatchId}: its leaves do not hash to its root");
                continue;
            }
            var assigned = await store.RestoreBatchAsync(manifest.BatchId, manifest.Root, manifest.CreatedAt, manifest.Leaves, tree, ct).ConfigureAwait(false);
            if (assigned != manifest.Leaves.Count) report.Unreadable.Add($"batch {manifest.BatchId}: {manifest.Leaves.Count - assigned} leaves have no envelope");
            report.Batches++;
        }
    }

    private async Task ApplyChainAsync(TraceStore store, JournalContents journal, RegistryHistory history, RebuildReport report, CancellationToken ct)
    {
        var confirmations = chainOptions.Value.Confirmations;
        foreach (var manifest in journal.Manifests.Values)
        {
            if (!history.Roots.TryGetValue(Hex.Encode(manifest.Root), out var anchored)) continue;
            if (await store.GetBatchAsync(manifest.BatchId, ct).ConfigureAwait(false) is null) continue;
            await store.MarkBatchMinedAsync(manifest.BatchId, anchored.TxHash, (long)anchored.BlockNumber, anchored.BlockHash, anchored.AnchoredAt, ct).ConfigureAwait(false);
            report.Anchored++;
            if (history.IsDeep(anchored.BlockNumber, confirmations))
                await store.MarkBatchConfirmedAsync(manifest.BatchId, ct).ConfigureAwait(false);
        }
        // Withdrawals as the follower indexes them: only blocks the confirmation depth makes final, then its checkpoint.
        var depth = (ulong)Math.Max(1, confirmations);
        if (history.Head + 1 < depth) return;
        var safe = history.Head + 1 - depth;
        foreach (var (id, withdrawal) in history.Withdrawals)
        {
            if (withdrawal.BlockNumber > safe) continue;
            if (await store.ApplyRevocationAsync(id, new RecordRevocation(withdrawal.At, (long)withdrawal.BlockNumber, withdrawal.TxHash, withdrawal.SupersededBy), ct).ConfigureAwait(false))
                report.Withdrawn++;
        }
        // No follower cursor is written: the registry event follower of the rebuilt node starts from the first block and
        // indexes every registry event again (idempotent), which brings back flags, endorsements and the audit trail.
    }

    // The node's own transport factor sets are records too (subject urn:trace:transport-factor-set:<version>): their
    // rows come back from the record's content, salt, nonce and issue time.
    private async Task RestoreFactorSetsAsync(TraceStore store, JournalContents journal, CancellationToken ct)
    {
        const string prefix = "urn:trace:transport-factor-set:";
        foreach (var (claim, _) in journal.Claims)
        {
            if (!claim.Subject.StartsWith(prefix, StringComparison.Ordinal)) continue;
            try
            {
                using var document = JsonDocument.Parse(ReadAll(claim.ContentHash));
                var saltText = document.RootElement.GetProperty("salt").GetString()!;
                var body = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (var property in document.RootElement.EnumerateObject())
                    if (property.Name != "salt") body[property.Name] = property.Value;
                var set = TransportFactorSetJson.Read(JsonSerializer.Serialize(body), $"record {claim.RecordId}");
                var stored = new StoredFactorSet(set.Version, TransportFactorSetJson.WriteBody(set), Hex.Decode(saltText), claim.Nonce,
                    claim.IssuedAt.ToUnixTimeSeconds(), claim.RecordId, default, default);
                await store.ActivateFactorSetAsync(stored, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is JsonException or TransportFactorSetException or KeyNotFoundException or BlobNotFoundException or BlobCorruptException)
            {
                // Not a factor set this node published; nothing to restore.
            }
        }
    }

    private sealed record JournalContents(List<(AcceptedClaim Claim, byte[] EnvelopeHash)> Claims, SortedDictionary<long, BatchManifest> Manifests);

    [LoggerMessage(8100, LogLevel.Information, "Rebuild: the blob journal names {Records} records and {Batches} batches")]
    private static partial void LogRead(ILogger logger, int records, int batches);

    [LoggerMessage(8101, LogLevel.Information, "Rebuild: {Records} records and {Batches} batches indexed in {Seconds:F1} s into {Path}")]
    private static partial void LogDone(ILogger logger, long records, long batches, double seconds, string path);
}
