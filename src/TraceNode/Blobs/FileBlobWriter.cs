using System.Buffers;
using System.Security.Cryptography;

namespace Trace.Node.Blobs;

/// <summary>
/// Streams one upload while hashing it. Up to the small-blob limit the bytes stay in memory and commit, sealed, into
/// the small-blob database; past it they spill, sealed segment by segment (<see cref="BlobEnvelope"/>), to a temp file
/// that commit completes (last segment, key wrap in the header), flushes and renames into place. Plaintext never
/// reaches the disk. Anything but a successful commit leaves nothing behind.
/// </summary>
internal sealed class FileBlobWriter : IBlobWriter
{
    private readonly FileBlobStore _store;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[]? _buffer; // pooled, while the upload is small
    private string? _tempPath;
    private FileStream? _file;
    private bool _done;

    // Once spilled: the blob's header (nonce prefix fixed, key wrapped at commit), its data key, the segment being
    // filled and the sealed copy of a full one.
    private byte[]? _header;
    private byte[]? _dataKey;
    private AesGcm? _aes;
    private byte[]? _segment;
    private byte[]? _sealedSegment;
    private int _segmentLength;
    private long _segmentIndex;

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
                await AppendSealedAsync(data, cancellationToken).ConfigureAwait(false);
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
                var sealedContent = BlobEnvelope.Seal(_buffer.AsSpan(0, (int)Length), actual, _store.Keys);
                return await _store.PutSmallAsync(actual, sealedContent, Length, cancellationToken).ConfigureAwait(false);
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
        // The segment in hand is the last one (possibly empty); then the header with the data key wrapped and bound to the hash.
        await WriteSegmentAsync(last: true, cancellationToken).ConfigureAwait(false);
        BlobEnvelope.WrapKey(_header!, _store.Keys.CurrentKey, _dataKey!, hash);
        file.Position = 0;
        await file.WriteAsync(_header, cancellationToken).ConfigureAwait(false);
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
            if (existing.Exists && existing.Length == BlobEnvelope.SealedLength(Length)) return new BlobCommitResult(hash, Length, AlreadyStored: true);
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
        _header = BlobEnvelope.NewHeader(_store.Keys.CurrentId);
        _dataKey = RandomNumberGenerator.GetBytes(ContentKeyRing.KeySize);
        _aes = new AesGcm(_dataKey, BlobEnvelope.TagSize);
        _segment = ArrayPool<byte>.Shared.Rent(BlobEnvelope.SegmentSize);
        _sealedSegment = ArrayPool<byte>.Shared.Rent(BlobEnvelope.SegmentSize + BlobEnvelope.TagSize);
        await _file.WriteAsync(new byte[BlobEnvelope.HeaderSize], cancellationToken).ConfigureAwait(false); // the header is written at commit
        if (_buffer is not null)
        {
            await AppendSealedAsync(_buffer.AsMemory(0, (int)Length), cancellationToken).ConfigureAwait(false);
            ArrayPool<byte>.Shared.Return(_buffer, clearArray: true);
            _buffer = null;
        }
    }

    // Fills the current segment; a full segment is sealed as "not last" only when more bytes arrive, so the last
    // segment is always known at commit.
    private async ValueTask AppendSealedAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        while (!data.IsEmpty)
        {
            if (_segmentLength == BlobEnvelope.SegmentSize) await WriteSegmentAsync(last: false, cancellationToken).ConfigureAwait(false);
            var n = Math.Min(BlobEnvelope.SegmentSize - _segmentLength, data.Length);
            data.Span[..n].CopyTo(_segment.AsSpan(_segmentLength));
            _segmentLength += n;
            data = data[n..];
        }
    }

    private async ValueTask WriteSegmentAsync(bool last, CancellationToken cancellationToken)
    {
        BlobEnvelope.SealSegment(_aes!, _header, _segmentIndex, last, _segment.AsSpan(0, _segmentLength), _sealedSegment);
        await _file!.WriteAsync(_sealedSegment.AsMemory(0, _segmentLength + BlobEnvelope.TagSize), cancellationToken).ConfigureAwait(false);
        _segmentIndex++;
        _segmentLength = 0;
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer!.Length * 2));
        _buffer.AsSpan(0, (int)Length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer, clearArray: true);
        _buffer = larger;
    }

    public void Abort()
    {
        _done = true;
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer, clearArray: true);
            _buffer = null;
        }
        if (_segment is not null)
        {
            ArrayPool<byte>.Shared.Return(_segment, clearArray: true);
            _segment = null;
        }
        if (_sealedSegment is not null)
        {
            ArrayPool<byte>.Shared.Return(_sealedSegment);
            _sealedSegment = null;
        }
        _aes?.Dispose();
        _aes = null;
        if (_dataKey is not null) CryptographicOperations.ZeroMemory(_dataKey);
        _dataKey = null;
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
