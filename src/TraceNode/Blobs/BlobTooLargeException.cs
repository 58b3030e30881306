namespace Trace.Node.Blobs;

/// <summary>An upload passed the configured size limit; it was discarded.</summary>
public sealed class BlobTooLargeException(long limit)
    : Exception($"the upload is larger than the limit of {limit} bytes")
{
    /// <summary>The limit in bytes.</summary>
    public long Limit { get; } = limit;
}
