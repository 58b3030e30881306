namespace Trace.Node.Indexing;

/// <summary>How the index follows the registry's events (section <c>Trace:Indexing</c>).</summary>
public sealed class IndexingOptions
{
    public const string SectionName = "Trace:Indexing";

    /// <summary>False stops following chain events (the relay still records the withdrawals it sends itself).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often new blocks are looked at.</summary>
    public int PollIntervalMilliseconds { get; set; } = 1000;

    internal TimeSpan PollInterval => TimeSpan.FromMilliseconds(Math.Max(50, PollIntervalMilliseconds));
}
