using System.Runtime.CompilerServices;

namespace Trace.Crypto;

/// <summary>Add-with-carry and subtract-with-borrow on 64-bit limbs, shared by the field and the scalar arithmetic.</summary>
internal static class LimbArithmetic
{
    /// <summary>a + b + carry; <paramref name="carry"/> (0 or 1) becomes the carry out.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong AddCarry(ulong a, ulong b, ref ulong carry)
    {
        var s = a + b;
        var c = s < a ? 1UL : 0UL;
        s += carry;
        c += s < carry ? 1UL : 0UL;
        carry = c;
        return s;
    }

    /// <summary>a − b − borrow; <paramref name="borrow"/> (0 or 1) becomes the borrow out.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong SubBorrow(ulong a, ulong b, ref ulong borrow)
    {
        var d = a - b;
        var o = a < b ? 1UL : 0UL;
        var d2 = d - borrow;
        o += d < borrow ? 1UL : 0UL;
        borrow = o;
        return d2;
    }
}
