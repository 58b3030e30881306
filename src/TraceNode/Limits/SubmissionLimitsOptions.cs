using System.ComponentModel.DataAnnotations;

namespace Trace.Node.Limits;

/// <summary>
/// Per-participant abuse limits (section <c>Trace:Limits</c>): a submission rate (token bucket) and a storage quota
/// of content bytes. Over a limit a submission is refused at once with <c>RESOURCE_EXHAUSTED</c> naming the limit;
/// other participants are not slowed.
/// </summary>
public sealed class SubmissionLimitsOptions
{
    /// <summary>Configuration section the options bind from.</summary>
    public const string SectionName = "Trace:Limits";

    /// <summary>Records a participant may submit per second, sustained (all its keys together). 0 = no rate limit. Default 5,000.</summary>
    [Range(0, 10_000_000)]
    public double RecordsPerSecond { get; set; } = 5_000;

    /// <summary>Records a participant may submit at once after a quiet spell (the bucket's size). Default 10,000.</summary>
    [Range(1, 100_000_000)]
    public double RecordsBurst { get; set; } = 10_000;

    /// <summary>Content bytes a participant may have stored (all its records' content lengths). 0 = no quota. Default 64 GiB.</summary>
    [Range(0, long.MaxValue)]
    public long StorageQuotaBytes { get; set; } = 64L * 1024 * 1024 * 1024;
}
