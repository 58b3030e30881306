using Microsoft.EntityFrameworkCore;

namespace Trace.Node.Storage;

/// <summary>The index on PostgreSQL; owns the migrations under <c>Storage/Migrations/Postgres</c>.</summary>
public sealed class PostgresTraceDbContext : TraceDbContext
{
    public PostgresTraceDbContext(DbContextOptions<PostgresTraceDbContext> options) : base(options)
    {
    }
}
