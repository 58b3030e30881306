using Microsoft.EntityFrameworkCore;
using Trace.Node.Storage.Entities;

namespace Trace.Node.Storage;

/// <summary>The index on PostgreSQL; owns the migrations under <c>Storage/Migrations/Postgres</c>.</summary>
public sealed class PostgresTraceDbContext : TraceDbContext
{
    public PostgresTraceDbContext(DbContextOptions<PostgresTraceDbContext> options) : base(options)
    {
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Subject prefix queries compare subjects ordinally (byte order, as SQLite's BINARY collation does). Under the
        // database's default (linguistic) collation a range would neither match ordinal order nor use the index.
        modelBuilder.Entity<EvidenceRecordEntity>().Property(r => r.Subject).UseCollation("C");
    }
}
