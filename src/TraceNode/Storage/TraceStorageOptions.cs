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

    /// <summary>
    /// SQLite page cache per connection, in KiB (<c>PRAGMA cache_size = -N</c>). Default: 2000, SQLite's own default
    /// (a larger cache measured no faster on the 10,000-batch lineage read: the memory map below serves it).
    /// </summary>
    [Range(100, 4_194_304)]
    public int SqliteCacheSizeKiB { get; set; } = 2000;

    /// <summary>
    /// Bytes of the database file SQLite reads through a memory map instead of a read call per page
    /// (<c>PRAGMA mmap_size</c>; 0 turns it off). Default: 256 MiB. It cut the full upstream lineage of a 10,000-batch
    /// graph from about 315 to 275 ms (bench/README.md). Writes still go through the WAL as before.
    /// </summary>
    [Range(0, long.MaxValue)]
    public long SqliteMmapSizeBytes { get; set; } = 256L * 1024 * 1024;
}
