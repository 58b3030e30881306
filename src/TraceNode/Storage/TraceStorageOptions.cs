using System.ComponentModel.DataAnnotations;

namespace Trace.Node.Storage;

/// <summary>Where the index lives; bound from the <c>Trace:Storage</c> configuration section.</summary>
public sealed class TraceStorageOptions
{
    /// <summary>Configuration section the options bind from.</summary>
    public const string SectionName = "Trace:Storage";

    /// <summary>Database provider. Default: <see cref="StorageProvider.Sqlite"/>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// ADO.NET connection string. Default: none; for SQLite the file <c>&lt;DataDirectory&gt;/trace.db</c> is used,
    /// for PostgreSQL it is required.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Directory for the default SQLite file. Default: <c>data</c> (relative to the working directory).</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>How long a SQLite command waits for a lock held by another connection, in milliseconds. Default: 5000.</summary>
    [Range(0, 600_000)]
    public int SqliteBusyTimeoutMilliseconds { get; set; } = 5000;
}
