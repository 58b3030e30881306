using System.ComponentModel.DataAnnotations;

namespace Trace.Node.Blobs;

/// <summary>Where content blobs live and how big they may be; bound from the <c>Trace:Blobs</c> configuration section.</summary>
public sealed class BlobStoreOptions
{
    /// <summary>Configuration section the options bind from.</summary>
    public const string SectionName = "Trace:Blobs";

    /// <summary>Root directory of the store. Default: <c>data/blobs</c> (relative to the working directory).</summary>
    [Required]
    public string RootDirectory { get; set; } = Path.Combine("data", "blobs");

    /// <summary>Largest blob accepted, in bytes. Default: 256 MiB.</summary>
    [Range(1, long.MaxValue)]
    public long MaxBlobBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>
    /// Blobs up to this size are kept as rows of one SQLite file (<c>small.db</c>) instead of a file each: a
    /// structured record then costs a share of one group-committed disk flush rather than a file creation and a flush
    /// of its own. 0 stores every blob as a file. Default: 64 KiB; at most 1 MiB.
    /// </summary>
    [Range(0, SmallBlobLimit)]
    public int SmallBlobMaxBytes { get; set; } = 64 * 1024;

    /// <summary>The largest <see cref="SmallBlobMaxBytes"/> allowed.</summary>
    public const int SmallBlobLimit = 1024 * 1024;

    /// <summary>
    /// Temp files older than this are removed when the store starts (leftovers of a crash). Default: 1 hour; uploads
    /// in progress keep their file's write time fresh, so a store shared by several instances does not lose them.
    /// </summary>
    public TimeSpan StaleTempAge { get; set; } = TimeSpan.FromHours(1);
}
