using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Trace.Node.Storage.Design;

/// <summary>Lets the EF tools create <see cref="PostgresTraceDbContext"/> to scaffold its migrations; no server is contacted.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresTraceDbContext>
{
    public PostgresTraceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresTraceDbContext>().UseNpgsql("Host=localhost;Database=trace").Options);
}
