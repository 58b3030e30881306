using System.Numerics;
using System.Security.Cryptography;

namespace Trace.Crypto.Tests;

/// <summary>The width-5 NAF that drives u2·R in recovery: the digits sum back to the scalar and keep the NAF shape.</summary>
public class WnafTests
{
    public static TheoryData<string> EdgeMagnitudes() => new()
    {
        "0", "1", "f", "10", "1f", "ffff", "8000000000000000000000000000000", // small and sparse
        "ffffffffffffffffffffffffffffffff", // 2^128 − 1: the carry runs past the top bit
        "fffffffffffffffffffffffffffffffff", // 2^132 − 1: the largest magnitude the multiplier accepts
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "555555555555555555555555555555555",
    };

    [Theory]
    [MemberData(nameof(EdgeMagnitudes))]
    public void Digits_recombine_to_the_magnitude_for_edge_values(string hex) =>
        AssertNaf(BigInteger.Parse("0" + hex, System.Globalization.NumberStyles.HexNumber));

    [Fact]
    public void Digits_recombine_to_the_magnitude_for_random_split_halves()
    {
        for (var i = 0; i < 2000; i++)
        {
            var bytes = RandomNumberGenerator.GetBytes(17);
            bytes[0] &= 0x0f; // up to 132 bits
            AssertNaf(new BigInteger(bytes, isUnsigned: true, isBigEndian: true));
        }
    }

    private static void AssertNaf(BigInteger k)
    {
        var magnitude = new byte[32];
        k.TryWriteBytes(magnitude.AsSpan(32 - k.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        var naf = new int[133];
        var top = DoubleScalarMultiplier.Wnaf(magnitude, naf);

        var sum = BigInteger.Zero;
        for (var i = naf.Length - 1; i >= 0; i--) sum = sum * 2 + naf[i];
        Assert.Equal(k, sum);
        Assert.Equal(k.IsZero ? -1 : Array.FindLastIndex(naf, d => d != 0), top);
        for (var i = 0; i < naf.Length; i++)
        {
            if (naf[i] == 0) continue;
            Assert.True(naf[i] % 2 != 0 && Math.Abs(naf[i]) <= 15, $"digit {naf[i]} at {i} for k = {k:x}");
            for (var j = i + 1; j < Math.Min(naf.Length, i + 5); j++) Assert.True(naf[j] == 0, $"digits at {i} and {j} within one window for k = {k:x}");
        }
    }
}
