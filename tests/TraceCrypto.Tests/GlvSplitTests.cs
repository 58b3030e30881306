using System.Numerics;
using System.Security.Cryptography;

namespace Trace.Crypto.Tests;

/// <summary>The endomorphism split behind fast recovery: k = k1 + k2·λ (mod n) with both halves about 128 bits.</summary>
public class GlvSplitTests
{
    private static readonly BigInteger N = BigInteger.Parse("0fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", System.Globalization.NumberStyles.HexNumber);

    public static TheoryData<string> EdgeScalars() => new()
    {
        "1", "2", "7", // tiny
        "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140", // n − 1
        "7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0", // ⌊n/2⌋
        "5363ad4cc05c30e0a5261c028812645a122e22ea20816678df02967c1b23bd72", // λ itself: k1 = 0, k2 = 1
        "ac9c52b33fa3cf1f5ad9e3fd77ed9ba4a880b9fc8ec739c2e0cfc810b51283ce", // n − λ
    };

    [Theory]
    [MemberData(nameof(EdgeScalars))]
    public void Split_recombines_to_the_scalar_for_edge_values(string hex) =>
        AssertSplit(BigInteger.Parse("0" + hex, System.Globalization.NumberStyles.HexNumber));

    [Fact]
    public void Split_recombines_to_the_scalar_with_halves_of_at_most_129_bits_for_random_scalars()
    {
        for (var i = 0; i < 2000; i++)
            AssertSplit(new BigInteger(RandomNumberGenerator.GetBytes(32), isUnsigned: true, isBigEndian: true) % N);
    }

    private static void AssertSplit(BigInteger k)
    {
        var (k1, k2) = DoubleScalarMultiplier.Split(k);
        var recombined = ((k1 + k2 * DoubleScalarMultiplier.Lambda) % N + N) % N;
        Assert.Equal(k, recombined);
        Assert.True(BigInteger.Abs(k1).GetBitLength() <= 129, $"|k1| has {BigInteger.Abs(k1).GetBitLength()} bits for k = {k:x}");
        Assert.True(BigInteger.Abs(k2).GetBitLength() <= 129, $"|k2| has {BigInteger.Abs(k2).GetBitLength()} bits for k = {k:x}");
    }
}
