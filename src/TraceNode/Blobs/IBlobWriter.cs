namespace Trace.Node.Blobs;

/// <summary>
/// One upload in progress. Write the bytes, then commit: the blob appears atomically under its hash. Disposing
/// without committing (or any failure) removes the temp file, so partial uploads never leave anything behind.
/// </summary>
public interface IBlobWriter : IAsyncDisposable, IDisposable
{
    /// <summary>Bytes written so far.</summary>
    long Length { get; }

    /// <summary>Appends bytes and hashes them.</summary>
    /// <exception cref="BlobTooLargeException">the upload passed the size limit; the writer is aborted.</exception>
    ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>Flushes to disk, checks the hash against <paramref name="expectedSha256"/> and stores the blob.</summary>
    /// <exception cref="BlobHashMismatchException">the bytes hash to something else; nothing is stored.</exception>
    Task<BlobCommitResult> CommitAsync(ReadOnlyMemory<byte> expectedSha256, CancellationToken cancellationToken);

    /// <summary>Flushes to disk and stores the blob under whatever hash the bytes have (e.g. server-built canonical JSON).</summary>
    Task<BlobCommitResult> CommitAsync(CancellationToken cancellationToken);

    /// <summary>Drops the upload and deletes its temp file; harmless after commit or a previous abort.</summary>
    void Abort();
}
