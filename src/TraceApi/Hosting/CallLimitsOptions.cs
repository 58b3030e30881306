using System.ComponentModel.DataAnnotations;

namespace Trace.Api.Hosting;

/// <summary>
/// Bounds on what one caller or connection can hold open (section "Api:Limits"), so idle or stalled clients cannot
/// exhaust the node's file descriptors, memory or CPU. A caller is the remote IP address until sign-in exists.
/// </summary>
public sealed class CallLimitsOptions
{
    public const string Section = "Api:Limits";

    /// <summary>
    /// An upload (SubmitDocument, SubmitRecords, VerifyContent) that sends no message for this long ends with
    /// <c>DEADLINE_EXCEEDED</c> and its temp file is removed. Default 30 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan UploadIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Uploads open at once on the whole node; more answer <c>RESOURCE_EXHAUSTED</c>. Default 512, and never more
    /// than a quarter of the spare file descriptors (each upload past the small-blob size holds a file open); spare is
    /// the process's limit less twice the descriptors open at start, as loaded assemblies each hold one.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxUploads { get; set; } = 512;

    /// <summary>Uploads open at once from one caller. Default 64.</summary>
    [Range(1, 1_000_000)]
    public int MaxUploadsPerCaller { get; set; } = 64;

    /// <summary>WatchRecordStatus streams open at once on the whole node. Default 10,000.</summary>
    [Range(1, 1_000_000)]
    public int MaxWatchers { get; set; } = 10_000;

    /// <summary>
    /// Calls that stream a response or answer a page of records (ListRecords, DownloadContent, AuditIndex …) open at
    /// once on one HTTP/2 connection; a reader that stops reading keeps its answer in memory. Default 16.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxReadStreamsPerConnection { get; set; } = 16;

    /// <summary>The same calls open at once from one caller, over all its connections. Default 128.</summary>
    [Range(1, 1_000_000)]
    public int MaxReadStreamsPerCaller { get; set; } = 128;

    /// <summary>
    /// TCP connections open at once; each holds a file descriptor. Default 0 = half of the spare file
    /// descriptors (see <see cref="MaxUploads"/>).
    /// </summary>
    [Range(0, 1_000_000)]
    public int MaxConnections { get; set; }
}
