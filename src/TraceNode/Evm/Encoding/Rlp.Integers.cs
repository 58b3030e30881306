using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace Trace.Node.Evm.Encoding;

public static partial class Rlp
{
    /// <summary>Reads the payload of an RLP integer: big-endian, at most 8 bytes, no leading zero byte.</summary>
    /// <exception cref="RlpException">leading zero or more than 8 bytes.</exception>
    public static ulong DecodeUInt64(ReadOnlySpan<byte> content)
    {
        if (content.Length > sizeof(ulong)) ThrowTooLong(content.Length, sizeof(ulong));
        EnsureNoLeadingZero(content);
        ulong value = 0;
        foreach (var b in content) value = (value << 8) | b;
        return value;
    }

    /// <summary>Reads the payload of an RLP integer as a non-negative big integer of at most <paramref name="maxBytes"/> bytes.</summary>
    /// <exception cref="RlpException">leading zero, or longer than <paramref name="maxBytes"/>.</exception>
    public static BigInteger DecodeBigInteger(ReadOnlySpan<byte> content, int maxBytes = 32)
    {
        if (content.Length > maxBytes) ThrowTooLong(content.Length, maxBytes);
        EnsureNoLeadingZero(content);
        return content.IsEmpty ? BigInteger.Zero : new BigInteger(content, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>Throws when an integer payload starts with a zero byte (zero itself is the empty string).</summary>
    public static void EnsureNoLeadingZero(ReadOnlySpan<byte> content)
    {
        if (!content.IsEmpty && content[0] == 0) ThrowLeadingZero();
    }

    [DoesNotReturn]
    private static void ThrowLeadingZero() => throw new RlpException("integer has a leading zero byte");

    [DoesNotReturn]
    private static void ThrowTooLong(int length, int max) => throw new RlpException($"integer of {length} bytes exceeds the {max}-byte limit");
}
