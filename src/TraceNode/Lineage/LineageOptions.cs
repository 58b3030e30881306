using System.ComponentModel.DataAnnotations;

namespace Trace.Node.Lineage;

/// <summary>Settings of the lineage (section <c>Trace:Lineage</c>).</summary>
public sealed class LineageOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Trace:Lineage";

    /// <summary>Follow the record status feed to maintain verified parts and withdrawn marks. Default true.</summary>
    public bool ProjectorEnabled { get; set; } = true;

    /// <summary>How often the projector looks at the feed when no local write woke it (other instances' writes). Default 1000 ms.</summary>
    [Range(10, 600_000)]
    public int ProjectorPollIntervalMilliseconds { get; set; } = 1000;

    /// <summary>
    /// Feed rows per projector page. The confirmations of one page are applied together: a batch resting on several of
    /// them is recomputed once. Default 20000 (every record has about three feed rows).
    /// </summary>
    [Range(1, 100_000)]
    public int ProjectorBatchSize { get; set; } = 20_000;

    /// <summary>
    /// The projector starts catching up only once no lineage record has been queued for this long, so a burst of
    /// records is not slowed by recomputing figures for confirmations, and the confirmations arriving meanwhile are
    /// applied together. Default 200 ms; 0 does not wait.
    /// </summary>
    [Range(0, 60_000)]
    public int ProjectorQuietMilliseconds { get; set; } = 200;

    /// <summary>
    /// The longest the projector waits for such a lull: under sustained intake the verified parts and withdrawn marks
    /// lag the feed by at most about this much plus one catch-up. Default 10000 ms.
    /// </summary>
    [Range(0, 600_000)]
    public int ProjectorMaxDeferMilliseconds { get; set; } = 10_000;

    /// <summary>Batches recomputed per projector transaction, so record intake interleaves. Default 200.</summary>
    [Range(1, 100_000)]
    public int ProjectorChunkSize { get; set; } = 200;
}
