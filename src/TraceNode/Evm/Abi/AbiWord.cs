using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace Trace.Node.Evm.Abi;

/// <summary>32-byte word helpers shared by the ABI types.</summary>
internal static class AbiWord
{
    public const int Size = 32;

    public static int PaddedLength(int length) => (length + 31) & ~31;

    /// <summary>Writes a non-negative int as a big-endian uint256 (offsets and lengths).</summary>
    public static void WriteLength(int value, Span<byte> destination)
    {
        destination[..Size].Clear();
        BinaryPrimitives.WriteInt32BigEndian(destination.Slice(Size - 4, 4), value);
    }

    /// <summary>Reads a uint256 that must fit an int (an offset or length) and be at most <paramref name="limit"/>.</summary>
    public static int ReadLength(ReadOnlySpan<byte> data, int position, int limit, string what)
    {
        var word = Slice(data, position, what);
        if (word[..28].ContainsAnyExcept((byte)0) || word[28] >= 0x80)
            ThrowDecoding($"{what} at byte {position} does not fit in the data");
        var value = BinaryPrimitives.ReadInt32BigEndian(word[28..]);
        if (value > limit) ThrowDecoding($"{what} {value} at byte {position} points past the end of the data ({limit})");
        return value;
    }

    /// <summary>The 32 bytes at <paramref name="position"/>, or an AbiDecodingException when the data is too short.</summary>
    public static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> data, int position, string what)
    {
        if (position < 0 || position > data.Length - Size)
            ThrowDecoding($"data too short: {what} needs 32 bytes at byte {position}, data has {data.Length}");
        return data.Slice(position, Size);
    }

    public static void WriteBigInteger(BigInteger value, Span<byte> destination)
    {
        var word = destination[..Size];
        word.Fill(value.Sign < 0 ? (byte)0xff : (byte)0);
        var length = value.GetByteCount(isUnsigned: value.Sign >= 0);
        value.TryWriteBytes(word[(Size - length)..], out _, isUnsigned: value.Sign >= 0, isBigEndian: true);
    }

    [DoesNotReturn]
    public static void ThrowDecoding(string message) => throw new AbiDecodingException(message);

    [DoesNotReturn]
    public static void ThrowEncoding(string message) => throw new AbiEncodingException(message);

    /// <summary>A short description of a CLR value for error messages.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "null",
        string s => s.Length <= 40 ? $"string \"{s}\"" : $"string of {s.Length} chars",
        byte[] b => $"byte[{b.Length}]",
        _ => $"{value.GetType().Name} {value}",
    };
}
