using Trace.Node.ContentAccess.Storage;

namespace Trace.Node.ContentAccess;

/// <summary>A content grant as the service answers it (see <see cref="Storage.ContentGrantEntity"/> for the fields).</summary>
public sealed record ContentGrant(string Id, string Issuer, string Grantee, ContentGrantScope Scope, string Target,
    string GrantedBy, DateTimeOffset GrantedAt, string? RevokedBy, DateTimeOffset? RevokedAt)
{
    /// <summary>True until revoked.</summary>
    public bool Active => RevokedAt is null;
}
