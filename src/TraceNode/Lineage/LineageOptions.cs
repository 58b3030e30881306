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

    /// <summary>Feed rows per projector step (one transaction). Default 500.</summary>
    [Range(1, 10_000)]
    public int ProjectorBatchSize { get; set; } = 500;
}
