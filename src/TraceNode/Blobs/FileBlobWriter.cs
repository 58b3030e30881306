using System.Security.Cryptography;

namespace Trace.Node.Blobs;

/// <summary>Streams one upload to a temp file while hashing it; commit renames it into place, anything else deletes it.</summary>
internal sealed class FileBlobWriter : IBlobWriter
{
    private readonly FileBlobStore _store;
    private readonly string _tempPath;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private FileStream? _file;
    private bool _done;

    public FileBlobWriter(FileBlobStore store, string tempPath)
    {
        _store = store;
        _tempPath = tempPath;
        _file = new FileStream(tempPath, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous,
            BufferSize = 64 * 1024,
        });
    }

    public long Length { get; private set; }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var file = OpenFile();
        if (data.Length > _store.MaxBlobBytes - Length)
        {
            Abort();
            throw new BlobTooLargeException(_store.MaxBlobBytes);
        }
        try
        {
            _hash.AppendData(data.Span);
            await file.WriteAsync(data, cancellationToken).ConfigureAwait(false);
            Length += data.Length;
        }
        catch
        {
            Abort();
            throw;
        }
    }

    public Task<BlobCommitResult> CommitAsync(ReadOnlyMemory<byte> expectedSha256, CancellationToken cancellationToken)
    {
        if (expectedSha256.Length != 32) throw new ArgumentException($"a SHA-256 hash is 32 bytes, got {expectedSha256.Length}", nameof(expectedSha256));
        return CommitCoreAsync(expectedSha256.ToArray(), cancellationToken);
    }

    public Task<BlobCommitResult> CommitAsync(CancellationToken cancellationToken) => CommitCoreAsync(null, cancellationToken);

    private async Task<BlobCommitResult> CommitCoreAsync(byte[]? expected, CancellationToken cancellationToken)
    {
        var file = OpenFile();
        try
        {
            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            file.Flush(flushToDisk: true); // fsync before the rename, so the name never points at unwritten data
            await file.DisposeAsync().ConfigureAwait(false);
            _file = null;

            var actual = _hash.GetHashAndReset();
            if (expected is not null && !CryptographicOperations.FixedTimeEquals(actual, expected))
                throw new BlobHashMismatchException(expected, actual);

            var finalPath = _store.PathOf(actual);
            var existing = new FileInfo(finalPath);
            if (existing.Exists && existing.Length == Length) return Done(actual, alreadyStored: true);

            Directory.CreateDirectory(Path.GetDirectoryName(finalPath)!);
            try
            {
                // Without overwrite the move fails if the name exists, so a blob file is only ever created whole.
                // A file of the wrong length under this name was damaged; replacing it with verified bytes repairs it.
                File.Move(_tempPath, finalPath, overwrite: existing.Exists);
            }
            catch (IOException) when (File.Exists(finalPath))
            {
                return Done(actual, alreadyStored: true); // a concurrent writer of the same content won the rename
            }
            _done = true;
            return new BlobCommitResult(actual, Length, AlreadyStored: false);
        }
        finally
        {
            if (!_done) Abort();
        }
    }

    public void Abort()
    {
        _done = true;
        _file?.Dispose();
        _file = null;
        try { File.Delete(_tempPath); } catch (IOException) { }
    }

    public void Dispose()
    {
        if (!_done || _file is not null) Abort();
        _hash.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private BlobCommitResult Done(byte[] hash, bool alreadyStored)
    {
        Abort(); // identical content is stored once: drop our copy
        return new BlobCommitResult(hash, Length, alreadyStored);
    }

    private FileStream OpenFile() =>
        _file ?? throw new InvalidOperationException(_done ? "this upload was already committed or aborted" : "this upload's file is closed");
}
