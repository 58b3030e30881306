using Microsoft.EntityFrameworkCore;

namespace Trace.Node.Storage;

/// <summary>The index on SQLite; owns the migrations under <c>Storage/Migrations/Sqlite</c>.</summary>
public sealed class SqliteTraceDbContext : TraceDbContext
{
    public SqliteTraceDbContext(DbContextOptions<SqliteTraceDbContext> options) : base(options)
    {
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date type: EF would store DateTimeOffset as text it cannot order or compare in SQL.
        // Whole microseconds since the Unix epoch order correctly and match PostgreSQL's timestamptz precision.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMicrosecondsConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UnixMicrosecondsConverter>();
    }
}
