using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Trace.Crypto;
using Trace.Domain;
using Trace.Domain.Lineage;
using Trace.Node.Blobs;
using Trace.Node.Carbon.Factors;
using Trace.Node.Decisions.Plans;
using Trace.Node.Lineage;
using Trace.Node.Lineage.Intake;
using Trace.Node.Lineage.Projection;
using Trace.Node.Lineage.Propagation;
using Trace.Node.Lineage.Queries;
using Trace.Node.Storage;
using Trace.Node.Tests.Storage;

namespace Trace.Node.Tests.Lineage;

/// <summary>
/// The lineage engine on a real, migrated SQLite file: intake (single writer), queries and the status projector, with a
/// transport factor set of round figures (rail 0.025, sea 0.01, road 0.1 kgCO2e/t·km) so tests compute by hand.
/// </summary>
public sealed class LineageHarness(Func<Task<TraceStorageOptions>>? storage = null) : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"trace-lineage-{Guid.NewGuid():N}");

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
    public TraceDbContextFactory Contexts { get; private set; } = null!;
    public TraceStore Store { get; private set; } = null!;
    public LineageCommitQueue Commits { get; private set; } = null!;
    public ILineageIntake Intake { get; private set; } = null!;
    public LineageQueries Queries { get; private set; } = null!;
    public LineageStatusProjector Projector { get; private set; } = null!;

    /// <summary>The blob store the writer puts accepted records' content in (files only, no small-blob database).</summary>
    public FileBlobStore Blobs { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = storage is null ? new TraceStorageOptions { Provider = StorageProvider.Sqlite, DataDirectory = _directory } : await storage();
        Contexts = new TraceDbContextFactory(Options.Create(options));
        await new DatabaseMigrator(Contexts).MigrateAsync(CancellationToken.None);
        Store = new TraceStore(Contexts, Clock);
        var flags = new NoRegulatorFlags();
        Blobs = new FileBlobStore(Options.Create(new BlobStoreOptions { RootDirectory = Path.Combine(_directory, "blobs"), SmallBlobMaxBytes = 0 }), new ContentKeyRing(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)), Clock);
        Commits = new LineageCommitQueue(Store, [], flags, Clock, NullLogger<LineageCommitQueue>.Instance, new RoundFactors(), Blobs, plans: new RoutePlanStore(Blobs));
        Intake = new LineageIntake(Commits);
        Queries = new LineageQueries(Store, flags);
        Projector = new LineageStatusProjector(Store, Commits, flags, Options.Create(new LineageOptions()), Clock, NullLogger<LineageStatusProjector>.Instance);
    }

    public async Task DisposeAsync()
    {
        await Commits.DisposeAsync();
        await Blobs.DisposeAsync();
        Contexts.Dispose();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Submits a lineage record as <paramref name="issuer"/>; returns its record id.</summary>
    public async Task<string> SubmitAsync(LineageRecord record, EthereumAddress issuer)
    {
        var result = await Intake.AcceptAsync(record, ClaimFor(record, issuer), CancellationToken.None);
        Assert.True(result.Created);
        return result.Record.Id;
    }

    /// <summary>
    /// Queues all <paramref name="records"/> before awaiting any, so the single writer takes them as one group (in this
    /// order) as far as it can; returns their record ids.
    /// </summary>
    public async Task<string[]> SubmitTogetherAsync(params (LineageRecord Record, EthereumAddress Issuer)[] records)
    {
        var pending = records.Select(r => Intake.AcceptAsync(r.Record, ClaimFor(r.Record, r.Issuer), CancellationToken.None)).ToList();
        var results = await Task.WhenAll(pending);
        Assert.All(results, r => Assert.True(r.Created));
        return [.. results.Select(r => r.Record.Id)];
    }

    /// <summary>
    /// Submits <paramref name="records"/> so the writer takes exactly them as one group, in this order: SQLite's write lock
    /// is held while a gate record is taken (the writer stalls on it) and the records queue behind it, then released.
    /// Returns, per record, its id or its refusal; a refused record must have left nothing.
    /// </summary>
    public async Task<(string? RecordId, InvalidFieldException? Refusal)[]> AttemptAsOneGroupAsync(params (LineageRecord Record, EthereumAddress Issuer)[] records)
    {
        Task<AddClaimResult> gate;
        List<(AcceptedClaim Claim, Task<AddClaimResult> Done)> pending;
        await using (var blocker = Contexts.CreateDbContext())
        {
            await using var writeLock = await blocker.Database.BeginTransactionAsync();
            await blocker.Database.ExecuteSqlRawAsync("UPDATE \"LineageCursors\" SET \"Sequence\" = \"Sequence\" WHERE 1 = 0");
            var gateBatch = Build.Batch($"urn:gate:{Guid.NewGuid():N}", Build.Tonnes(1));
            gate = Intake.AcceptAsync(gateBatch, ClaimFor(gateBatch, Claims.RandomIssuer()), CancellationToken.None);
            await WaitUntilAsync(() => Commits.Queued == 0);
            pending = [.. records.Select(r =>
            {
                var claim = ClaimFor(r.Record, r.Issuer);
                return (claim, Intake.AcceptAsync(r.Record, claim, CancellationToken.None));
            })];
            await WaitUntilAsync(() => Commits.Queued == records.Length);
            Assert.False(gate.IsCompleted, "the gate record committed while the write lock was held: the records may not form one group");
        }
        await gate;
        var outcomes = new List<(string?, InvalidFieldException?)>();
        foreach (var (claim, done) in pending)
        {
            try
            {
                outcomes.Add(((await done).Record.Id, null));
            }
            catch (InvalidFieldException refusal)
            {
                Assert.Null(await Store.GetRecordAsync(claim.RecordId, CancellationToken.None));
                outcomes.Add((null, refusal));
            }
        }
        return [.. outcomes];
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 10)
        {
            if (waited > 10_000) throw new TimeoutException("the lineage writer did not reach the expected state in 10 s");
            await Task.Delay(10);
        }
    }

    private static AcceptedClaim ClaimFor(LineageRecord record, EthereumAddress issuer) =>
        Claims.Random(issuer, subject: record.Identifier, kind: KindOf(record)) with { MediaType = "application/json", FileName = null, MetadataJson = null };

    /// <summary>Submits a record expected to be refused; asserts the field and that nothing was stored.</summary>
    public async Task<InvalidFieldException> RefusedAsync(LineageRecord record, EthereumAddress issuer)
    {
        var claim = Claims.Random(issuer, subject: record.Identifier, kind: KindOf(record));
        var refusal = await Assert.ThrowsAsync<InvalidFieldException>(() => Intake.AcceptAsync(record, claim, CancellationToken.None));
        Assert.Null(await Store.GetRecordAsync(claim.RecordId, CancellationToken.None));
        return refusal;
    }

    /// <summary>An evidence document (e.g. an energy report) in the index; returns its id.</summary>
    public async Task<string> EvidenceAsync(EthereumAddress issuer, RecordKind kind = RecordKind.EnergyReading) =>
        (await Store.AddAcceptedClaimAsync(Claims.Random(issuer, kind: kind), CancellationToken.None)).Record.Id;

    public async Task<BatchFootprint> FootprintAsync(string batchId, bool upstream = false) =>
        await Queries.GetFootprintAsync(batchId, upstream, CancellationToken.None) ?? throw new InvalidOperationException($"no batch {batchId}");

    /// <summary>Runs the status projector until it has read the whole feed.</summary>
    public async Task ProjectAsync()
    {
        while (await Projector.CatchUpAsync(CancellationToken.None)) { }
    }

    private static RecordKind KindOf(LineageRecord record) => record switch
    {
        BatchRecord => RecordKind.Batch,
        TransformationRecord => RecordKind.Transformation,
        ShipmentRecord => RecordKind.Shipment,
        _ => RecordKind.ProductCarbonFootprint,
    };

    private sealed class RoundFactors : ITransportFactorProvider
    {
        private static readonly TransportFactorSet Set = new("test-factors-1", null,
        [
            new TransportFactor(TransportMode.Rail, 0.025m, "test", null, null, true, null),
            new TransportFactor(TransportMode.Sea, 0.01m, "test", null, null, true, null),
            new TransportFactor(TransportMode.Road, 0.1m, "test", null, null, true, null),
            new TransportFactor(TransportMode.InlandWaterway, 0.03m, "test", null, null, true, null),
            new TransportFactor(TransportMode.Air, 0.6m, "test", null, null, true, null),
        ]);

        public TransportFactorSet Active => Set;

        public TransportFactorSet? Find(string version) => version == Set.Version ? Set : null;
    }
}
