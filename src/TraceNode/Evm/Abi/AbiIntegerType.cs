using System.Numerics;

namespace Trace.Node.Evm.Abi;

/// <summary>uintN or intN (N = 8…256, a multiple of 8); values are BigInteger, range-checked on encode and decode.</summary>
public sealed class AbiIntegerType : AbiType
{
    public AbiIntegerType(int bits, bool signed)
    {
        if (bits is < 8 or > 256 || bits % 8 != 0) throw new AbiFormatException($"integer width must be a multiple of 8 in 8..256, got {bits}");
        Bits = bits;
        Signed = signed;
        CanonicalName = (signed ? "int" : "uint") + bits;
        MaxValue = signed ? (BigInteger.One << (bits - 1)) - 1 : (BigInteger.One << bits) - 1;
        MinValue = signed ? -(BigInteger.One << (bits - 1)) : BigInteger.Zero;
    }

    /// <summary>Width in bits.</summary>
    public int Bits { get; }

    /// <summary>True for intN.</summary>
    public bool Signed { get; }

    public BigInteger MinValue { get; }
    public BigInteger MaxValue { get; }

    public override string CanonicalName { get; }
    public override bool IsDynamic => false;

    internal override object Normalize(object? value)
    {
        BigInteger number = value switch
        {
            BigInteger b => b,
            int i => i,
            long l => l,
            uint u => u,
            ulong ul => ul,
            byte b8 => b8,
            sbyte s8 => s8,
            short s16 => s16,
            ushort u16 => u16,
            _ => throw new AbiEncodingException($"{CanonicalName} expects an integer (BigInteger, int, long…), got {AbiWord.Describe(value)}"),
        };
        if (number < MinValue || number > MaxValue)
            AbiWord.ThrowEncoding($"value {number} is out of range for {CanonicalName} ({MinValue}..{MaxValue})");
        return number;
    }

    internal override int GetEncodedSize(object normalized) => AbiWord.Size;

    internal override void Write(object normalized, Span<byte> destination) => AbiWord.WriteBigInteger((BigInteger)normalized, destination);

    internal override object Read(ReadOnlySpan<byte> data, int position)
    {
        var word = AbiWord.Slice(data, position, CanonicalName);
        var padding = AbiWord.Size - Bits / 8;
        if (!Signed)
        {
            if (word[..padding].ContainsAnyExcept((byte)0))
                AbiWord.ThrowDecoding($"{CanonicalName} at byte {position} has non-zero high-order bytes");
            return new BigInteger(word[padding..], isUnsigned: true, isBigEndian: true);
        }
        // A signed value must be sign-extended: every padding byte repeats the sign bit of the value.
        var fill = (word[padding] & 0x80) != 0 ? (byte)0xff : (byte)0;
        if (word[..padding].ContainsAnyExcept(fill))
            AbiWord.ThrowDecoding($"{CanonicalName} at byte {position} is not sign-extended correctly");
        return new BigInteger(word[padding..], isUnsigned: false, isBigEndian: true);
    }
}
