using System.Buffers.Binary;
using System.Numerics;

namespace Trace.Node.Evm.Encoding;

/// <summary>
/// Recursive Length Prefix: lengths of encodings (compute first, then write with <see cref="RlpWriter"/>),
/// one-shot encoders, and strict whole-input decoding into <see cref="RlpItem"/> trees.
/// </summary>
public static partial class Rlp
{
    /// <summary>The encoding of the empty byte string (0x80), which is also the encoding of integer zero.</summary>
    public const byte EmptyString = 0x80;

    /// <summary>The encoding of the empty list (0xc0).</summary>
    public const byte EmptyList = 0xc0;

    /// <summary>Encoded length of a byte string.</summary>
    public static int LengthOfBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == 1 && bytes[0] < 0x80 ? 1 : HeaderLength(bytes.Length) + bytes.Length;

    /// <summary>Encoded length of a list whose items together take <paramref name="contentLength"/> bytes.</summary>
    public static int LengthOfList(int contentLength) => HeaderLength(contentLength) + contentLength;

    /// <summary>Length of the string or list header in front of <paramref name="contentLength"/> bytes of payload.</summary>
    public static int HeaderLength(int contentLength) => contentLength < 56 ? 1 : 1 + ByteCount((ulong)contentLength);

    /// <summary>Encoded length of an unsigned integer (minimal big-endian, zero is the empty string).</summary>
    public static int LengthOf(ulong value) => value < 0x80 ? 1 : 1 + ByteCount(value);

    /// <summary>Encoded length of a non-negative big integer.</summary>
    public static int LengthOf(BigInteger value)
    {
        var count = ByteCount(value);
        if (count <= sizeof(ulong)) return LengthOf((ulong)value);
        return HeaderLength(count) + count;
    }

    /// <summary>Encodes one byte string.</summary>
    public static byte[] EncodeBytes(ReadOnlySpan<byte> bytes)
    {
        var result = new byte[LengthOfBytes(bytes)];
        new RlpWriter(result).WriteBytes(bytes);
        return result;
    }

    /// <summary>Encodes one unsigned integer.</summary>
    public static byte[] Encode(ulong value)
    {
        var result = new byte[LengthOf(value)];
        new RlpWriter(result).WriteUInt(value);
        return result;
    }

    /// <summary>Encodes one non-negative big integer.</summary>
    public static byte[] Encode(BigInteger value)
    {
        var result = new byte[LengthOf(value)];
        new RlpWriter(result).WriteUInt(value);
        return result;
    }

    /// <summary>Encodes an item tree.</summary>
    public static byte[] Encode(RlpItem item)
    {
        var result = new byte[item.EncodedLength];
        var writer = new RlpWriter(result);
        item.WriteTo(ref writer);
        return result;
    }

    /// <summary>Decodes exactly one item spanning all of <paramref name="encoded"/>.</summary>
    /// <exception cref="RlpException">non-canonical, truncated or trailing bytes, or nesting too deep.</exception>
    public static RlpItem Decode(ReadOnlySpan<byte> encoded)
    {
        var reader = new RlpReader(encoded);
        var item = RlpItem.ReadFrom(ref reader, 0);
        reader.EnsureEnd();
        return item;
    }

    /// <summary>Number of bytes in the minimal big-endian form of <paramref name="value"/> (0 for zero).</summary>
    public static int ByteCount(ulong value) => (64 - BitOperations.LeadingZeroCount(value) + 7) / 8;

    /// <summary>Number of bytes in the minimal big-endian form of a non-negative <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">the value is negative.</exception>
    public static int ByteCount(BigInteger value)
    {
        if (value.Sign < 0) throw new ArgumentOutOfRangeException(nameof(value), "RLP integers are unsigned");
        return value.IsZero ? 0 : value.GetByteCount(isUnsigned: true);
    }

    /// <summary>Writes the minimal big-endian form of <paramref name="value"/>; returns the bytes written.</summary>
    public static int WriteBigEndian(ulong value, Span<byte> destination)
    {
        var count = ByteCount(value);
        Span<byte> full = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64BigEndian(full, value);
        full[(sizeof(ulong) - count)..].CopyTo(destination);
        return count;
    }

    /// <summary>The minimal big-endian bytes of a non-negative integer (empty for zero).</summary>
    public static byte[] ToBigEndian(BigInteger value) =>
        ByteCount(value) == 0 ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
}
