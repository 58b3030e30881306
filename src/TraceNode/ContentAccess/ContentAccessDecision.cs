namespace Trace.Node.ContentAccess;

/// <summary>Whether a caller may read a record's content bytes, and why (for the audit log and the denial message).</summary>
public sealed record ContentAccessDecision(bool Allowed, string Reason)
{
    /// <summary>The grant that allowed the read, when one did.</summary>
    public string? GrantId { get; init; }
}
