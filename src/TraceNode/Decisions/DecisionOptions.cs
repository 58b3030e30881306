using System.ComponentModel.DataAnnotations;

namespace Trace.Node.Decisions;

/// <summary>Route decisions and CBAM cost scenarios (section "Trace:Decisions"; docs/decisions.md).</summary>
public sealed class DecisionOptions
{
    public const string Section = "Trace:Decisions";

    /// <summary>
    /// The operator's lane catalogue (JSON, docs/decisions.md), loaded into the index at start-up as operator lanes;
    /// empty (default) loads none. A malformed file stops the node, naming the file and the lane.
    /// </summary>
    public string? LaneCatalogPath { get; set; }

    /// <summary>The operator's CBAM default-value table (JSON, docs/decisions.md), loaded at start-up; empty (default) loads none.</summary>
    public string? CbamDefaultValuesPath { get; set; }

    /// <summary>Transfer time between modes at a shared location when a request gives none, in days (decimal string). Default "1".</summary>
    [RegularExpression(@"^(0|[1-9][0-9]*)(\.[0-9]+)?$")]
    public string DefaultTransferDays { get; set; } = "1";

    /// <summary>Most lanes on a path when a request gives no bound. Default 6.</summary>
    [Range(1, 12)]
    public int DefaultMaxLegs { get; set; } = 6;

    /// <summary>The largest leg bound a request may ask for. Default 8.</summary>
    [Range(1, 12)]
    public int MaxLegsLimit { get; set; } = 8;
}
