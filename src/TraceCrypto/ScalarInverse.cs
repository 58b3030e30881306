using System.Runtime.CompilerServices;

namespace Trace.Crypto;

/// <summary>
/// a⁻¹ mod m for an odd 256-bit modulus m (the curve order) by the binary extended Euclidean algorithm on four
/// 64-bit limbs: no allocation, unlike BigInteger's extended Euclid (about 20 KB of garbage per recovered signature).
/// </summary>
/// <remarks>Not constant time: used only in public-key recovery, where every input is public.</remarks>
internal static class ScalarInverse
{
    /// <summary>The inverse of <paramref name="a32"/> (1 ≤ a &lt; m) modulo the odd prime <paramref name="m32"/>, all 32 big-endian bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Invert(ReadOnlySpan<byte> a32, ReadOnlySpan<byte> m32, Span<byte> destination32)
    {
        var m = Limbs.From(m32);
        var u = Limbs.From(a32);
        var v = m;
        Limbs x1 = new(1, 0, 0, 0), x2 = default;
        if (u.IsZero) throw new ArgumentException("zero has no inverse", nameof(a32));
        // Invariants: x1·a ≡ u and x2·a ≡ v (mod m); u, v shrink until one of them is 1.
        while (!u.IsOne && !v.IsOne)
        {
            while (u.IsEven)
            {
                u = u.ShiftRight1(0);
                x1 = Halve(x1, m);
            }
            while (v.IsEven)
            {
                v = v.ShiftRight1(0);
                x2 = Halve(x2, m);
            }
            if (u.CompareTo(v) >= 0)
            {
                u = u.Subtract(v, out _);
                x1 = SubtractMod(x1, x2, m);
            }
            else
            {
                v = v.Subtract(u, out _);
                x2 = SubtractMod(x2, x1, m);
            }
        }
        (u.IsOne ? x1 : x2).WriteTo(destination32);
    }

    // x/2 mod m: x itself when even, else (x + m)/2 with the 257th bit carried back in.
    private static Limbs Halve(in Limbs x, in Limbs m)
    {
        if (x.IsEven) return x.ShiftRight1(0);
        var sum = x.Add(m, out var carry);
        return sum.ShiftRight1(carry);
    }

    // x − y mod m for x, y < m.
    private static Limbs SubtractMod(in Limbs x, in Limbs y, in Limbs m)
    {
        var difference = x.Subtract(y, out var borrow);
        return borrow == 0 ? difference : difference.Add(m, out _);
    }

    /// <summary>256 bits as four little-endian 64-bit limbs.</summary>
    private readonly struct Limbs(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        private readonly ulong _l0 = l0, _l1 = l1, _l2 = l2, _l3 = l3;

        public static Limbs From(ReadOnlySpan<byte> bigEndian32) => new(
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bigEndian32[24..]),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bigEndian32[16..]),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bigEndian32[8..]),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bigEndian32));

        public void WriteTo(Span<byte> bigEndian32)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bigEndian32, _l3);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bigEndian32[8..], _l2);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bigEndian32[16..], _l1);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bigEndian32[24..], _l0);
        }

        public bool IsZero => (_l0 | _l1 | _l2 | _l3) == 0;

        public bool IsOne => _l0 == 1 && (_l1 | _l2 | _l3) == 0;

        public bool IsEven => (_l0 & 1) == 0;

        /// <summary>(this ≫ 1) with <paramref name="topBit"/> shifted in at bit 255.</summary>
        public Limbs ShiftRight1(ulong topBit) =>
            new((_l0 >> 1) | (_l1 << 63), (_l1 >> 1) | (_l2 << 63), (_l2 >> 1) | (_l3 << 63), (_l3 >> 1) | (topBit << 63));

        public int CompareTo(in Limbs other) =>
            _l3 != other._l3 ? _l3.CompareTo(other._l3)
            : _l2 != other._l2 ? _l2.CompareTo(other._l2)
            : _l1 != other._l1 ? _l1.CompareTo(other._l1)
            : _l0.CompareTo(other._l0);

        public Limbs Add(in Limbs other, out ulong carry)
        {
            carry = 0;
            var r0 = LimbArithmetic.AddCarry(_l0, other._l0, ref carry);
            var r1 = LimbArithmetic.AddCarry(_l1, other._l1, ref carry);
            var r2 = LimbArithmetic.AddCarry(_l2, other._l2, ref carry);
            var r3 = LimbArithmetic.AddCarry(_l3, other._l3, ref carry);
            return new Limbs(r0, r1, r2, r3);
        }

        public Limbs Subtract(in Limbs other, out ulong borrow)
        {
            borrow = 0;
            var r0 = LimbArithmetic.SubBorrow(_l0, other._l0, ref borrow);
            var r1 = LimbArithmetic.SubBorrow(_l1, other._l1, ref borrow);
            var r2 = LimbArithmetic.SubBorrow(_l2, other._l2, ref borrow);
            var r3 = LimbArithmetic.SubBorrow(_l3, other._l3, ref borrow);
            return new Limbs(r0, r1, r2, r3);
        }
    }
}
