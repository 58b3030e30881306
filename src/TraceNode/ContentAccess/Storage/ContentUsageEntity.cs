namespace Trace.Node.ContentAccess.Storage;

/// <summary>Content bytes stored for one participant, counted as records are accepted (durable: the quota survives restarts).</summary>
public sealed class ContentUsageEntity
{
    /// <summary>The participant (directory form).</summary>
    public required string Participant { get; set; }

    /// <summary>Sum of the content lengths of the records its keys submitted that created a new record.</summary>
    public long StoredBytes { get; set; }
}
