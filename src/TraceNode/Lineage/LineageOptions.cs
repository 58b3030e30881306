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

    /// <summary>Feed rows per projector page (a whole anchoring batch's confirmations at once). Default 5000.</summary>
    [Range(1, 10_000)]
    public int ProjectorBatchSize { get; set; } = 5000;

    /// <summary>Batches recomputed per projector transaction, so record intake interleaves. Default 200.</summary>
    [Range(1, 100_000)]
    public int ProjectorChunkSize { get; set; } = 200;
}
