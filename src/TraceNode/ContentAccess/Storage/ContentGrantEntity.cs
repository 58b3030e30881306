namespace Trace.Node.ContentAccess.Storage;

/// <summary>One grant of read access to content: an issuer participant lets a grantee participant read its records' bytes.</summary>
public sealed class ContentGrantEntity
{
    /// <summary>Grant id, 32 hex digits (a version-7 GUID: ordered by creation).</summary>
    public required string Id { get; set; }

    /// <summary>The granting participant (directory form); only records its keys issued are covered.</summary>
    public required string Issuer { get; set; }

    /// <summary>The participant allowed to read (directory form).</summary>
    public required string Grantee { get; set; }

    /// <summary>What the grant covers: one record, or a batch's lineage records.</summary>
    public ContentGrantScope Scope { get; set; }

    /// <summary>The record id (Record scope) or batch id (Batch scope).</summary>
    public required string Target { get; set; }

    /// <summary>The key that granted (EIP-55).</summary>
    public required string GrantedBy { get; set; }

    /// <summary>When the grant was made.</summary>
    public DateTimeOffset GrantedAt { get; set; }

    /// <summary>The key that revoked it; null while active.</summary>
    public string? RevokedBy { get; set; }

    /// <summary>When it was revoked; null while active.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
