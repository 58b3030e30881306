using Microsoft.EntityFrameworkCore;
using Trace.Node.ContentAccess.Storage;
using Trace.Node.Decisions.Storage;
using Trace.Node.Indexing.Storage;
using Trace.Node.Lineage.Storage.Configurations;
using Trace.Node.Storage.Configurations;
using Trace.Node.Storage.Entities;

namespace Trace.Node.Storage;

/// <summary>The off-chain index: records, anchoring batches, indexer checkpoints and the status change feed.</summary>
/// <remarks>
/// The model is shared; each provider has a subclass that owns its migration set
/// (<see cref="SqliteTraceDbContext"/>, <see cref="PostgresTraceDbContext"/>). Add a migration to both:
/// <code>
/// dotnet ef migrations add NAME --project src/TraceNode --context SqliteTraceDbContext --output-dir Storage/Migrations/Sqlite
/// dotnet ef migrations add NAME --project src/TraceNode --context PostgresTraceDbContext --output-dir Storage/Migrations/Postgres
/// </code>
/// (<c>Storage/Migrations/add-migration.sh NAME</c> does both, and works without the dotnet-ef global tool).
/// </remarks>
public abstract class TraceDbContext : DbContext
{
    protected TraceDbContext(DbContextOptions options) : base(options)
    {
    }

    /// <summary>Accepted evidence records.</summary>
    public DbSet<EvidenceRecordEntity> Records => Set<EvidenceRecordEntity>();

    /// <summary>Anchoring batches.</summary>
    public DbSet<AnchorBatchEntity> Batches => Set<AnchorBatchEntity>();

    /// <summary>Chain indexer checkpoints.</summary>
    public DbSet<ChainCheckpointEntity> Checkpoints => Set<ChainCheckpointEntity>();

    /// <summary>The status change feed.</summary>
    public DbSet<RecordStatusChangeEntity> StatusChanges => Set<RecordStatusChangeEntity>();

    /// <summary>Transport factor sets this node has used.</summary>
    public DbSet<TransportFactorSetEntity> FactorSets => Set<TransportFactorSetEntity>();

    /// <summary>Registry events (the audit trail).</summary>
    public DbSet<RegistryEventEntity> RegistryEvents => Set<RegistryEventEntity>();

    /// <summary>Regulator flags, open and closed.</summary>
    public DbSet<RecordFlagEntity> Flags => Set<RecordFlagEntity>();

    /// <summary>Verifier endorsements.</summary>
    public DbSet<RecordEndorsementEntity> Endorsements => Set<RecordEndorsementEntity>();

    /// <summary>Notes given with relayed flags.</summary>
    public DbSet<FlagNoteEntity> FlagNotes => Set<FlagNoteEntity>();

    /// <summary>Blocks whose registry events are indexed, with their hashes.</summary>
    public DbSet<IndexedBlockEntity> IndexedBlocks => Set<IndexedBlockEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new EvidenceRecordConfiguration());
        modelBuilder.ApplyConfiguration(new AnchorBatchConfiguration());
        modelBuilder.ApplyConfiguration(new ChainCheckpointConfiguration());
        modelBuilder.ApplyConfiguration(new RecordStatusChangeConfiguration());
        modelBuilder.ApplyConfiguration(new TransportFactorSetConfiguration());
        LineageModel.Configure(modelBuilder);
        ContentAccessModel.Configure(modelBuilder);
        DecisionsModel.Configure(modelBuilder);
        IndexingModel.Configure(modelBuilder);
    }
}
