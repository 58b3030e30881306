using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace Trace.Node.Evm.Encoding;

/// <summary>
/// Writes RLP into a span sized beforehand with the <see cref="Rlp"/> length helpers:
/// the caller computes the total, allocates once, then writes headers and items in order.
/// </summary>
public ref struct RlpWriter
{
    private readonly Span<byte> _destination;
    private int _position;

    public RlpWriter(Span<byte> destination)
    {
        _destination = destination;
        _position = 0;
    }

    /// <summary>Bytes written so far.</summary>
    public readonly int Position => _position;

    /// <summary>Writes a byte string (a single byte below 0x80 is its own encoding).</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 1 && bytes[0] < 0x80)
        {
            Take(1)[0] = bytes[0];
            return;
        }
        WriteHeader(0x80, bytes.Length);
        bytes.CopyTo(Take(bytes.Length));
    }

    /// <summary>Writes the header of a list whose items take <paramref name="contentLength"/> bytes; write the items next.</summary>
    public void WriteListHeader(int contentLength) => WriteHeader(0xc0, contentLength);

    /// <summary>Writes an unsigned integer as its minimal big-endian bytes.</summary>
    public void WriteUInt(ulong value)
    {
        if (value != 0 && value < 0x80)
        {
            Take(1)[0] = (byte)value;
            return;
        }
        var count = Rlp.ByteCount(value);
        WriteHeader(0x80, count);
        Rlp.WriteBigEndian(value, Take(count));
    }

    /// <summary>Writes a non-negative big integer as its minimal big-endian bytes.</summary>
    public void WriteUInt(BigInteger value)
    {
        var count = Rlp.ByteCount(value);
        if (count <= sizeof(ulong))
        {
            WriteUInt((ulong)value);
            return;
        }
        WriteHeader(0x80, count);
        value.TryWriteBytes(Take(count), out _, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>Copies bytes that are already RLP (a pre-encoded item) verbatim.</summary>
    public void WriteEncoded(ReadOnlySpan<byte> encoded) => encoded.CopyTo(Take(encoded.Length));

    private void WriteHeader(byte offset, int length)
    {
        if (length < 56)
        {
            Take(1)[0] = (byte)(offset + length);
            return;
        }
        var count = Rlp.ByteCount((ulong)length);
        var header = Take(1 + count);
        header[0] = (byte)(offset + 55 + count);
        Rlp.WriteBigEndian((ulong)length, header[1..]);
    }

    private Span<byte> Take(int count)
    {
        if (_destination.Length - _position < count) ThrowFull(count);
        var span = _destination.Slice(_position, count);
        _position += count;
        return span;
    }

    [DoesNotReturn]
    private readonly void ThrowFull(int count) =>
        throw new InvalidOperationException($"RLP buffer of {_destination.Length} bytes cannot take {count} more at {_position}; the length was computed wrongly");
}
