namespace Trace.Node.Anchoring;

/// <summary>How the batcher closes and sends batches (section <c>Trace:Anchoring</c>).</summary>
public sealed class AnchoringOptions
{
    public const string SectionName = "Trace:Anchoring";

    /// <summary>False stops the batcher (records stay PENDING); for read-only replicas and tests.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A batch closes when this many claims wait (N). Gas per record falls as this grows.</summary>
    public int MaxBatchSize { get; set; } = 4096;

    /// <summary>A batch closes when its oldest claim has waited this long (T), even if it is small.</summary>
    public int MaxBatchDelayMilliseconds { get; set; } = 1000;

    /// <summary>How often the queue and the batches in flight are looked at.</summary>
    public int PollIntervalMilliseconds { get; set; } = 100;

    /// <summary>Batches sent but not yet mined at once; more keeps throughput up when blocks are slow.</summary>
    public int MaxBatchesInFlight { get; set; } = 4;

    /// <summary>
    /// A sent transaction the node no longer knows, even after its stored bytes were broadcast again, is replaced at the
    /// same nonce with higher fees after this long.
    /// </summary>
    public int DropTimeoutMilliseconds { get; set; } = 30_000;

    /// <summary>First delay after a failed chain call; doubles up to <see cref="MaxRetryDelayMilliseconds"/>.</summary>
    public int InitialRetryDelayMilliseconds { get; set; } = 250;

    /// <summary>Longest delay between retries while the chain is unreachable.</summary>
    public int MaxRetryDelayMilliseconds { get; set; } = 15_000;

    internal TimeSpan MaxBatchDelay => TimeSpan.FromMilliseconds(MaxBatchDelayMilliseconds);
    internal TimeSpan DropTimeout => TimeSpan.FromMilliseconds(Math.Max(0, DropTimeoutMilliseconds));
    internal TimeSpan PollInterval => TimeSpan.FromMilliseconds(Math.Max(10, PollIntervalMilliseconds));
}
