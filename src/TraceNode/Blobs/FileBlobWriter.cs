using System.Buffers;
using System.Security.Cryptography;

namespace Trace.Node.Blobs;

/// <summary>
/// Streams one upload while hashing it. Up to the small-blob limit the bytes stay in memory and commit into the
/// small-blob database; past it they spill to a temp file that commit flushes and renames into place. Anything but
/// a successful commit leaves nothing behind.
/// </summary>
internal sealed class FileBlobWriter : IBlobWriter
{
    private readonly FileBlobStore _store;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[]? _buffer; // pooled, while the upload is small
    private string? _tempPath;
    private FileStream? _file;
    private bool _done;

    public FileBlobWriter(FileBlobStore store) => _store = store;

    public long Length { get; private set; }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (_done) throw new InvalidOperationException("this upload was already committed or aborted");
        if (data.Length > _store.MaxBlobBytes - Length)
        {
            Abort();
            throw new BlobTooLargeException(_store.MaxBlobBytes);
        }
        try
        {
            _hash.AppendData(data.Span);
            if (_file is null && Length + data.Length <= _store.SmallBlobMaxBytes)
            {
                _buffer ??= ArrayPool<byte>.Shared.Rent(Math.Max(4096, data.Length));
                if (_buffer.Length < Length + data.Length) Grow((int)(Length + data.Length));
                data.Span.CopyTo(_buffer.AsSpan((int)Length));
            }
            else
            {
                await SpillAsync(cancellationToken).ConfigureAwait(false);
                await _file!.WriteAsync(data, cancellationToken).ConfigureAwait(false);
            }
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
        if (_done) throw new InvalidOperationException("this upload was already committed or aborted");
        try
        {
            var actual = _hash.GetHashAndReset();
            if (expected is not null && !CryptographicOperations.FixedTimeEquals(actual, expected))
                throw new BlobHashMismatchException(expected, actual);
            if (_file is null)
            {
                var content = _buffer.AsSpan(0, (int)Length).ToArray();
                return await _store.PutSmallAsync(actual, content, cancellationToken).ConfigureAwait(false);
            }
            return await CommitFileAsync(actual, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Abort(); // after a commit this only returns the buffer or removes a temp copy that was not needed
        }
    }

    private async Task<BlobCommitResult> CommitFileAsync(byte[] hash, CancellationToken cancellationToken)
    {
        var file = _file!;
        await file.FlushAsync(cancellationToken).ConfigureAwait(false);
        file.Flush(flushToDisk: true); // fsync before the rename, so the name never points at unwritten data
        await file.DisposeAsync().ConfigureAwait(false);
        _file = null;

        var finalPath = _store.PathOf(hash);
        // File.Move without overwrite checks and renames in two steps on Unix, so two writers of the same content
        // could both "create" it; the lock makes the check and the rename one step within this process. Across
        // processes the worst case is identical verified bytes renamed over identical bytes.
        lock (_store.PublishLockFor(hash))
        {
            var existing = new FileInfo(finalPath);
            if (existing.Exists && existing.Length == Length) return new BlobCommitResult(hash, Length, AlreadyStored: true);
            Directory.CreateDirectory(Path.GetDirectoryName(finalPath)!);
            try
            {
                // A file of the wrong length under this name was damaged; replacing it with verified bytes repairs it.
                File.Move(_tempPath!, finalPath, overwrite: existing.Exists);
            }
            catch (IOException) when (File.Exists(finalPath))
            {
                return new BlobCommitResult(hash, Length, AlreadyStored: true); // another process won the rename
            }
        }
        _tempPath = null;
        return new BlobCommitResult(hash, Length, AlreadyStored: false);
    }

    /// <summary>Moves what is buffered to a temp file; later bytes go straight there.</summary>
    private async ValueTask SpillAsync(CancellationToken cancellationToken)
    {
        if (_file is not null) return;
        _tempPath = _store.NewTempPath();
        _file = new FileStream(_tempPath, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous,
            BufferSize = 64 * 1024,
        });
        if (_buffer is not null)
        {
            await _file.WriteAsync(_buffer.AsMemory(0, (int)Length), cancellationToken).ConfigureAwait(false);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer!.Length * 2));
        _buffer.AsSpan(0, (int)Length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }

    public void Abort()
    {
        _done = true;
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
        _file?.Dispose();
        _file = null;
        if (_tempPath is not null)
        {
            try { File.Delete(_tempPath); } catch (IOException) { }
            _tempPath = null;
        }
    }

    public void Dispose()
    {
        Abort();
        _hash.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
