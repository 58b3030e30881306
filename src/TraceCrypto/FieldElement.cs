using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Trace.Crypto;

/// <summary>
/// An element of the secp256k1 base field, p = 2^256 − 2^32 − 977, as four 64-bit little-endian limbs,
/// always fully reduced. Reduction folds the high half back in with 2^256 ≡ 0x1000003d1 (mod p).
/// Not constant time: used only for public-key recovery, where every input is public.
/// </summary>
internal readonly struct FieldElement
{
    private const ulong C = 0x1000003D1UL;
    private const ulong P0 = 0xFFFFFFFEFFFFFC2FUL;

    public readonly ulong L0, L1, L2, L3;

    public FieldElement(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        L0 = l0;
        L1 = l1;
        L2 = l2;
        L3 = l3;
    }

    public static FieldElement One => new(1, 0, 0, 0);

    public bool IsZero => (L0 | L1 | L2 | L3) == 0;

    /// <summary>Reads 32 big-endian bytes; the caller guarantees the value is below p.</summary>
    public static FieldElement FromBytes(ReadOnlySpan<byte> bigEndian) => new(
        BinaryPrimitives.ReadUInt64BigEndian(bigEndian[24..]),
        BinaryPrimitives.ReadUInt64BigEndian(bigEndian[16..]),
        BinaryPrimitives.ReadUInt64BigEndian(bigEndian[8..]),
        BinaryPrimitives.ReadUInt64BigEndian(bigEndian));

    public void WriteBytes(Span<byte> bigEndian)
    {
        BinaryPrimitives.WriteUInt64BigEndian(bigEndian, L3);
        BinaryPrimitives.WriteUInt64BigEndian(bigEndian[8..], L2);
        BinaryPrimitives.WriteUInt64BigEndian(bigEndian[16..], L1);
        BinaryPrimitives.WriteUInt64BigEndian(bigEndian[24..], L0);
    }

    public static FieldElement Add(in FieldElement a, in FieldElement b)
    {
        ulong carry = 0;
        var r0 = LimbArithmetic.AddCarry(a.L0, b.L0, ref carry);
        var r1 = LimbArithmetic.AddCarry(a.L1, b.L1, ref carry);
        var r2 = LimbArithmetic.AddCarry(a.L2, b.L2, ref carry);
        var r3 = LimbArithmetic.AddCarry(a.L3, b.L3, ref carry);
        if (carry != 0) AddC(ref r0, ref r1, ref r2, ref r3);
        return Reduce(r0, r1, r2, r3);
    }

    public static FieldElement Sub(in FieldElement a, in FieldElement b)
    {
        ulong borrow = 0;
        var r0 = LimbArithmetic.SubBorrow(a.L0, b.L0, ref borrow);
        var r1 = LimbArithmetic.SubBorrow(a.L1, b.L1, ref borrow);
        var r2 = LimbArithmetic.SubBorrow(a.L2, b.L2, ref borrow);
        var r3 = LimbArithmetic.SubBorrow(a.L3, b.L3, ref borrow);
        if (borrow != 0)
        {
            // a − b + 2^256 wrapped; adding p means subtracting C (no further borrow: the wrapped value exceeds C).
            ulong b2 = 0;
            r0 = LimbArithmetic.SubBorrow(r0, C, ref b2);
            r1 = LimbArithmetic.SubBorrow(r1, 0, ref b2);
            r2 = LimbArithmetic.SubBorrow(r2, 0, ref b2);
            r3 = LimbArithmetic.SubBorrow(r3, 0, ref b2);
        }
        return new FieldElement(r0, r1, r2, r3);
    }

    public static FieldElement Double(in FieldElement a) => Add(a, a);

    public static FieldElement Negate(in FieldElement a) => Sub(default, a);

    public static FieldElement Square(in FieldElement a) => Multiply(a, a);

    public bool IsOdd => (L0 & 1) != 0;

    /// <summary>a^(p−2) = a⁻¹ for a ≠ 0 (Fermat), by libsecp256k1's addition chain: 255 squarings, 15 multiplications.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static FieldElement Invert(in FieldElement a)
    {
        var (x2, x22, x223) = PowerLadder(a);
        var t = Multiply(SquareTimes(x223, 23), x22);
        t = Multiply(SquareTimes(t, 5), a);
        t = Multiply(SquareTimes(t, 3), x2);
        return Multiply(SquareTimes(t, 2), a);
    }

    /// <summary>A square root, a^((p+1)/4) (p ≡ 3 mod 4), or false when <paramref name="a"/> is not a square.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TrySqrt(in FieldElement a, out FieldElement root)
    {
        var (x2, x22, x223) = PowerLadder(a);
        var t = Multiply(SquareTimes(x223, 23), x22);
        t = Multiply(SquareTimes(t, 6), x2);
        root = SquareTimes(t, 2);
        return Square(root).Equals(a);
    }

    // The shared head of both chains: a^(2^2−1), a^(2^22−1), a^(2^223−1).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (FieldElement X2, FieldElement X22, FieldElement X223) PowerLadder(in FieldElement a)
    {
        var x2 = Multiply(Square(a), a);
        var x3 = Multiply(Square(x2), a);
        var x6 = Multiply(SquareTimes(x3, 3), x3);
        var x9 = Multiply(SquareTimes(x6, 3), x3);
        var x11 = Multiply(SquareTimes(x9, 2), x2);
        var x22 = Multiply(SquareTimes(x11, 11), x11);
        var x44 = Multiply(SquareTimes(x22, 22), x22);
        var x88 = Multiply(SquareTimes(x44, 44), x44);
        var x176 = Multiply(SquareTimes(x88, 88), x88);
        var x220 = Multiply(SquareTimes(x176, 44), x44);
        var x223 = Multiply(SquareTimes(x220, 3), x3);
        return (x2, x22, x223);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static FieldElement SquareTimes(FieldElement a, int times)
    {
        for (var i = 0; i < times; i++) a = Square(a);
        return a;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static FieldElement Multiply(in FieldElement a, in FieldElement b)
    {
        // 512-bit schoolbook product, column by column with a three-limb accumulator.
        ulong c0 = 0, c1 = 0, c2 = 0;
        MulAdd(a.L0, b.L0, ref c0, ref c1, ref c2);
        var t0 = c0; c0 = c1; c1 = c2; c2 = 0;
        MulAdd(a.L0, b.L1, ref c0, ref c1, ref c2); MulAdd(a.L1, b.L0, ref c0, ref c1, ref c2);
        var t1 = c0; c0 = c1; c1 = c2; c2 = 0;
        MulAdd(a.L0, b.L2, ref c0, ref c1, ref c2); MulAdd(a.L1, b.L1, ref c0, ref c1, ref c2); MulAdd(a.L2, b.L0, ref c0, ref c1, ref c2);
        var t2 = c0; c0 = c1; c1 = c2; c2 = 0;
        MulAdd(a.L0, b.L3, ref c0, ref c1, ref c2); MulAdd(a.L1, b.L2, ref c0, ref c1, ref c2);
        MulAdd(a.L2, b.L1, ref c0, ref c1, ref c2); MulAdd(a.L3, b.L0, ref c0, ref c1, ref c2);
        var t3 = c0; c0 = c1; c1 = c2; c2 = 0;
        MulAdd(a.L1, b.L3, ref c0, ref c1, ref c2); MulAdd(a.L2, b.L2, ref c0, ref c1, ref c2); MulAdd(a.L3, b.L1, ref c0, ref c1, ref c2);
        var t4 = c0; c0 = c1; c1 = c2; c2 = 0;
        MulAdd(a.L2, b.L3, ref c0, ref c1, ref c2); MulAdd(a.L3, b.L2, ref c0, ref c1, ref c2);
        var t5 = c0; c0 = c1; c1 = c2; c2 = 0;
        MulAdd(a.L3, b.L3, ref c0, ref c1, ref c2);
        var t6 = c0;
        var t7 = c1;

        // Fold: low + high·C gives five limbs, the fifth below 2^34.
        ulong carry = 0;
        var r0 = FoldLimb(t0, t4, ref carry);
        var r1 = FoldLimb(t1, t5, ref carry);
        var r2 = FoldLimb(t2, t6, ref carry);
        var r3 = FoldLimb(t3, t7, ref carry);

        // Fold the fifth limb again; at most one more wrap, absorbed by adding C.
        var hi = Math.BigMul(carry, C, out var lo);
        ulong k = 0;
        r0 = LimbArithmetic.AddCarry(r0, lo, ref k);
        r1 = LimbArithmetic.AddCarry(r1, hi, ref k);
        r2 = LimbArithmetic.AddCarry(r2, 0, ref k);
        r3 = LimbArithmetic.AddCarry(r3, 0, ref k);
        if (k != 0) AddC(ref r0, ref r1, ref r2, ref r3);
        return Reduce(r0, r1, r2, r3);
    }

    public bool Equals(in FieldElement other) => L0 == other.L0 && L1 == other.L1 && L2 == other.L2 && L3 == other.L3;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong FoldLimb(ulong low, ulong high, ref ulong carry)
    {
        var hi = Math.BigMul(high, C, out var lo);
        var s = low + lo;
        var c = s < lo ? 1UL : 0UL;
        s += carry;
        c += s < carry ? 1UL : 0UL;
        carry = hi + c;
        return s;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MulAdd(ulong a, ulong b, ref ulong c0, ref ulong c1, ref ulong c2)
    {
        var hi = Math.BigMul(a, b, out var lo);
        c0 += lo;
        if (c0 < lo) hi++;
        c1 += hi;
        if (c1 < hi) c2++;
    }

    /// <summary>Adds C, i.e. accounts for a 2^256 carry out (the sum stays below 2^256 here).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddC(ref ulong r0, ref ulong r1, ref ulong r2, ref ulong r3)
    {
        ulong k = 0;
        r0 = LimbArithmetic.AddCarry(r0, C, ref k);
        r1 = LimbArithmetic.AddCarry(r1, 0, ref k);
        r2 = LimbArithmetic.AddCarry(r2, 0, ref k);
        r3 = LimbArithmetic.AddCarry(r3, 0, ref k);
    }

    /// <summary>Subtracts p once when the value is ≥ p (p's top three limbs are all ones).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldElement Reduce(ulong r0, ulong r1, ulong r2, ulong r3)
    {
        if ((r3 & r2 & r1) == ulong.MaxValue && r0 >= P0) AddC(ref r0, ref r1, ref r2, ref r3);
        return new FieldElement(r0, r1, r2, r3);
    }
}
