using System.Security.Cryptography;

namespace Trace.Node.Blobs;

/// <summary>
/// Reads the plaintext of a sealed blob one segment at a time (memory stays at one segment whatever the blob's size);
/// a segment that does not authenticate, or a blob cut short, fails the read with <see cref="BlobCorruptException"/>.
/// </summary>
internal sealed class SealedBlobReadStream : Stream
{
    private readonly Stream _inner;
    private readonly byte[] _sha256;
    private readonly byte[] _header = new byte[BlobEnvelope.HeaderSize];
    private readonly AesGcm _aes;
    private readonly long _segments;
    private readonly byte[] _sealedSegment = new byte[BlobEnvelope.SegmentSize + BlobEnvelope.TagSize];
    private readonly byte[] _plain = new byte[BlobEnvelope.SegmentSize];
    private long _nextSegment;
    private int _plainOffset;
    private int _plainLength;
    private long _position;

    /// <summary>
    /// Reads and unwraps the header of <paramref name="inner"/> (positioned at its start, seekable); owns
    /// <paramref name="inner"/> once constructed (on failure the caller still owns it).
    /// </summary>
    public SealedBlobReadStream(Stream inner, ContentKeyRing keys, byte[] sha256)
    {
        _inner = inner;
        _sha256 = sha256;
        var length = BlobEnvelope.PlaintextLength(inner.Length) ?? throw new BlobCorruptException(sha256, $"its stored size {inner.Length} is not that of a sealed blob");
        Length = length;
        _segments = BlobEnvelope.SegmentCount(length);
        inner.ReadExactly(_header);
        var dataKey = BlobEnvelope.UnwrapKey(_header, keys, sha256);
        _aes = new AesGcm(dataKey, BlobEnvelope.TagSize);
        CryptographicOperations.ZeroMemory(dataKey);
    }

    public override long Length { get; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_plainOffset == _plainLength)
        {
            if (_nextSegment == _segments) return 0;
            var sealedLength = SealedSegmentLength(_nextSegment);
            _inner.ReadExactly(_sealedSegment.AsSpan(0, sealedLength));
            Open(sealedLength);
        }
        return Take(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_plainOffset == _plainLength)
        {
            if (_nextSegment == _segments) return 0;
            var sealedLength = SealedSegmentLength(_nextSegment);
            await _inner.ReadExactlyAsync(_sealedSegment.AsMemory(0, sealedLength), cancellationToken).ConfigureAwait(false);
            Open(sealedLength);
        }
        return Take(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int SealedSegmentLength(long index) =>
        (index == _segments - 1 ? (int)(Length - index * BlobEnvelope.SegmentSize) : BlobEnvelope.SegmentSize) + BlobEnvelope.TagSize;

    private void Open(int sealedLength)
    {
        var plainLength = sealedLength - BlobEnvelope.TagSize;
        Span<byte> nonce = stackalloc byte[12];
        BlobEnvelope.SegmentNonce(_header, _nextSegment, _nextSegment == _segments - 1, nonce);
        try
        {
            _aes.Decrypt(nonce, _sealedSegment.AsSpan(0, plainLength), _sealedSegment.AsSpan(plainLength, BlobEnvelope.TagSize),
                _plain.AsSpan(0, plainLength), _header.AsSpan(0, BlobEnvelope.FixedPartSize));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new BlobCorruptException(_sha256, $"segment {_nextSegment} does not authenticate (altered, reordered or truncated)");
        }
        _nextSegment++;
        _plainOffset = 0;
        _plainLength = plainLength;
    }

    private int Take(Span<byte> buffer)
    {
        var n = Math.Min(buffer.Length, _plainLength - _plainOffset);
        _plain.AsSpan(_plainOffset, n).CopyTo(buffer);
        _plainOffset += n;
        _position += n;
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _aes.Dispose();
            CryptographicOperations.ZeroMemory(_plain);
            _inner.Dispose();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        _aes.Dispose();
        CryptographicOperations.ZeroMemory(_plain);
        await _inner.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }
}
