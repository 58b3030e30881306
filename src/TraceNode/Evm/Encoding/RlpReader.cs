using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace Trace.Node.Evm.Encoding;

/// <summary>
/// Strict forward reader over RLP bytes. Rejects length prefixes with leading zeros, the long form
/// for short payloads, a single byte below 0x80 wrapped as 0x81xx, and anything running past the end.
/// </summary>
public ref struct RlpReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public RlpReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    /// <summary>True when every byte has been consumed.</summary>
    public readonly bool IsAtEnd => _position >= _data.Length;

    /// <summary>Offset of the next unread byte.</summary>
    public readonly int Position => _position;

    /// <summary>True when the next item is a list.</summary>
    public readonly bool NextIsList
    {
        get
        {
            if (IsAtEnd) ThrowEndOfInput();
            return _data[_position] >= 0xc0;
        }
    }

    /// <summary>Reads a byte string and returns its payload.</summary>
    /// <exception cref="RlpException">malformed, or the next item is a list.</exception>
    public ReadOnlySpan<byte> ReadBytes()
    {
        var (isList, offset, length) = ReadHeader();
        if (isList) ThrowUnexpected("a byte string", "a list");
        return _data.Slice(offset, length);
    }

    /// <summary>Reads a list and returns a reader over its items.</summary>
    /// <exception cref="RlpException">malformed, or the next item is a byte string.</exception>
    public RlpReader ReadList()
    {
        var (isList, offset, length) = ReadHeader();
        if (!isList) ThrowUnexpected("a list", "a byte string");
        return new RlpReader(_data.Slice(offset, length));
    }

    /// <summary>Reads the next item whole (header included), e.g. to keep it pre-encoded.</summary>
    public ReadOnlySpan<byte> ReadEncodedItem()
    {
        var start = _position;
        ReadHeader();
        return _data[start.._position];
    }

    /// <summary>Reads a strict unsigned integer of at most 8 bytes.</summary>
    public ulong ReadUInt64() => Rlp.DecodeUInt64(ReadBytes());

    /// <summary>Reads a strict unsigned integer of at most <paramref name="maxBytes"/> bytes.</summary>
    public BigInteger ReadBigInteger(int maxBytes = 32) => Rlp.DecodeBigInteger(ReadBytes(), maxBytes);

    /// <summary>Throws when unread bytes remain.</summary>
    /// <exception cref="RlpException">trailing bytes.</exception>
    public readonly void EnsureEnd()
    {
        if (!IsAtEnd) throw new RlpException($"{_data.Length - _position} trailing byte(s) after the RLP item at offset {_position}");
    }

    /// <summary>Reads one header, validates it strictly and advances past the whole item.</summary>
    internal (bool IsList, int Offset, int Length) ReadHeader()
    {
        if (IsAtEnd) ThrowEndOfInput();
        var prefix = _data[_position];
        var remaining = _data.Length - _position - 1;
        if (prefix < 0x80)
        {
            _position += 1;
            return (false, _position - 1, 1);
        }
        var isList = prefix >= 0xc0;
        var shortBase = isList ? 0xc0 : 0x80;
        int length, headerLength;
        if (prefix - shortBase <= 55)
        {
            length = prefix - shortBase;
            headerLength = 1;
            if (length > remaining) ThrowTruncated(length, remaining);
            if (!isList && length == 1 && _data[_position + 1] < 0x80)
                throw new RlpException($"single byte 0x{_data[_position + 1]:x2} below 0x80 must be encoded as itself, not as 0x81{_data[_position + 1]:x2}");
        }
        else
        {
            var lengthOfLength = prefix - shortBase - 55;
            if (lengthOfLength > remaining) ThrowTruncated(lengthOfLength, remaining);
            var lengthBytes = _data.Slice(_position + 1, lengthOfLength);
            if (lengthBytes[0] == 0) throw new RlpException("length prefix has a leading zero byte");
            ulong declared = 0;
            foreach (var b in lengthBytes) declared = (declared << 8) | b;
            if (declared < 56) throw new RlpException($"long-form length prefix used for a {declared}-byte payload (short form required below 56)");
            remaining -= lengthOfLength;
            if (declared > (ulong)remaining) ThrowTruncated(declared, remaining);
            length = (int)declared;
            headerLength = 1 + lengthOfLength;
        }
        var offset = _position + headerLength;
        _position = offset + length;
        return (isList, offset, length);
    }

    [DoesNotReturn]
    private static void ThrowEndOfInput() => throw new RlpException("unexpected end of RLP input");

    [DoesNotReturn]
    private static void ThrowTruncated(ulong declared, int remaining) =>
        throw new RlpException($"RLP item declares {declared} byte(s) but only {remaining} remain");

    [DoesNotReturn]
    private static void ThrowTruncated(int declared, int remaining) => ThrowTruncated((ulong)declared, remaining);

    [DoesNotReturn]
    private static void ThrowUnexpected(string expected, string found) => throw new RlpException($"expected {expected}, found {found}");
}
