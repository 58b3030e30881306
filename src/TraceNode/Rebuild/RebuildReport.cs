namespace Trace.Node.Rebuild;

/// <summary>What a rebuild did: where it wrote, how many records, batches, anchorings and withdrawals it restored, and what it could not.</summary>
public sealed class RebuildReport
{
    /// <summary>The database file written.</summary>
    public string DatabasePath { get; init; } = "";

    /// <summary>Records indexed.</summary>
    public long Records { get; set; }

    /// <summary>Batches restored from manifests.</summary>
    public long Batches { get; set; }

    /// <summary>Batches whose root the registry holds (ANCHORED or CONFIRMED).</summary>
    public long Anchored { get; set; }

    /// <summary>Records revoked or superseded on chain.</summary>
    public long Withdrawn { get; set; }

    /// <summary>JSON-RPC calls made to read the chain.</summary>
    public int RpcCalls { get; set; }

    /// <summary>How long it took.</summary>
    public TimeSpan Elapsed { get; set; }

    /// <summary>Journal entries that could not be read or used, in words.</summary>
    public List<string> Unreadable { get; } = [];

    /// <summary>Lineage records the lineage writer refused on replay (their claim was never committed on the original node).</summary>
    public List<string> Refused { get; } = [];
}
