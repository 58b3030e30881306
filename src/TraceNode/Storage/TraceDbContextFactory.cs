using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Trace.Node.Storage;

/// <summary>Creates the provider's <see cref="TraceDbContext"/> subclass from <see cref="TraceStorageOptions"/>.</summary>
/// <remarks>Options are built once; contexts are cheap, short-lived and one per unit of work.</remarks>
public sealed class TraceDbContextFactory : IDbContextFactory<TraceDbContext>, IDisposable
{
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromMilliseconds(250);
    private readonly Func<TraceDbContext> _create;
    private readonly SqliteWalCheckpointer? _checkpointer;

    public TraceDbContextFactory(IOptions<TraceStorageOptions> options, ILogger<TraceDbContextFactory>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        Provider = settings.Provider;
        switch (settings.Provider)
        {
            case StorageProvider.Sqlite:
            {
                ConnectionString = SqliteConnectionString(settings);
                var builder = new DbContextOptionsBuilder<SqliteTraceDbContext>()
                    .UseSqlite(ConnectionString)
                    .AddInterceptors(new SqliteConnectionSetup(settings));
                var built = builder.Options;
                _create = () => new SqliteTraceDbContext(built);
                _checkpointer = new SqliteWalCheckpointer(ConnectionString, CheckpointInterval, logger ?? (ILogger)NullLogger.Instance);
                break;
            }
            case StorageProvider.Postgres:
            {
                if (string.IsNullOrWhiteSpace(settings.ConnectionString))
                    throw new InvalidOperationException($"{TraceStorageOptions.SectionName}:ConnectionString is required when Provider is Postgres");
                ConnectionString = settings.ConnectionString;
                var built = new DbContextOptionsBuilder<PostgresTraceDbContext>().UseNpgsql(ConnectionString).Options;
                _create = () => new PostgresTraceDbContext(built);
                break;
            }
            default:
                throw new InvalidOperationException($"unknown storage provider {settings.Provider}");
        }
    }

    /// <summary>The configured provider.</summary>
    public StorageProvider Provider { get; }

    /// <summary>The effective connection string (for SQLite, with the default file and timeout filled in).</summary>
    public string ConnectionString { get; }

    /// <inheritdoc />
    public TraceDbContext CreateDbContext() => _create();

    /// <summary>Stops the background WAL checkpoints (SQLite).</summary>
    public void Dispose() => _checkpointer?.Dispose();

    private static string SqliteConnectionString(TraceStorageOptions settings)
    {
        var builder = new SqliteConnectionStringBuilder(settings.ConnectionString ?? string.Empty);
        if (string.IsNullOrEmpty(builder.DataSource))
            builder.DataSource = Path.GetFullPath(Path.Combine(settings.DataDirectory, "trace.db"));
        builder.DefaultTimeout = Math.Max(1, settings.SqliteBusyTimeoutMilliseconds / 1000);
        builder.Pooling = true;
        return builder.ToString();
    }
}
