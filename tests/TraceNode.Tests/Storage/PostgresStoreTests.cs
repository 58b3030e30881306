using Trace.Node.Storage;

namespace Trace.Node.Tests.Storage;

/// <summary>The store contract on a real PostgreSQL server started by <see cref="PostgresClusterFixture"/>; skipped when none is installed.</summary>
[RequiresPostgres]
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreTests(PostgresClusterFixture cluster) : StoreContract
{
    protected override async Task<TraceStorageOptions> CreateOptionsAsync() =>
        new() { Provider = StorageProvider.Postgres, ConnectionString = await cluster.CreateDatabaseAsync() };
}
