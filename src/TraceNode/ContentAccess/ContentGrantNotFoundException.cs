namespace Trace.Node.ContentAccess;

/// <summary>No content grant has this id.</summary>
public sealed class ContentGrantNotFoundException(string grantId) : Exception($"no content grant {grantId}")
{
    /// <summary>The id asked for.</summary>
    public string GrantId { get; } = grantId;
}
