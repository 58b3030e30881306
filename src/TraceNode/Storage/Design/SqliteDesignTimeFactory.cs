using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Trace.Node.Storage.Design;

/// <summary>Lets the EF tools create <see cref="SqliteTraceDbContext"/> to scaffold its migrations; no database is opened.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteTraceDbContext>
{
    public SqliteTraceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteTraceDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
