using Microsoft.Data.Sqlite;
using Trace.Node.Storage;

namespace Trace.Node.Tests.Storage;

/// <summary>Which real SQLite failures the API answers as "retry later" rather than as an internal fault.</summary>
public sealed class TransientStoreFaultTests
{
    [Fact]
    public void A_database_that_cannot_be_opened_is_recognised_as_cannot_open_and_not_as_busy()
    {
        var path = Path.Combine(Path.GetTempPath(), "trace-missing-" + Guid.NewGuid().ToString("N"), "index.db");
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadWrite");
        var error = Assert.Throws<SqliteException>(connection.Open);

        Assert.True(TransientStoreFault.CannotOpen(error));
        Assert.True(TransientStoreFault.CannotOpen(new InvalidOperationException("wrapped", error)));
        Assert.False(TransientStoreFault.Is(error));
    }
}
