using System.Numerics;
using System.Security.Cryptography;

namespace Trace.Crypto.Tests;

/// <summary>The allocation-free inverse modulo the curve order used for r⁻¹ in recovery, against BigInteger's ModPow.</summary>
public class ScalarInverseTests
{
    private static readonly BigInteger N = BigInteger.Parse("0fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", System.Globalization.NumberStyles.HexNumber);

    public static TheoryData<string> EdgeValues() => new()
    {
        "1", "2", "3", "ff", "100000000000000000000000000000000",
        "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140", // n − 1: its own inverse
        "7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0", // ⌊n/2⌋
        "8000000000000000000000000000000000000000000000000000000000000000", // 2^255
    };

    [Theory]
    [MemberData(nameof(EdgeValues))]
    public void The_inverse_times_the_value_is_one_modulo_n_for_edge_values(string hex) =>
        AssertInverse(BigInteger.Parse("0" + hex, System.Globalization.NumberStyles.HexNumber));

    [Fact]
    public void The_inverse_matches_Fermat_for_random_values_below_n()
    {
        for (var i = 0; i < 2000; i++)
        {
            var a = new BigInteger(RandomNumberGenerator.GetBytes(32), isUnsigned: true, isBigEndian: true) % N;
            if (a.IsZero) continue;
            AssertInverse(a);
        }
    }

    [Fact]
    public void Zero_has_no_inverse()
    {
        Assert.Throws<ArgumentException>(() => ScalarInverse.Invert(new byte[32], Bytes32(N), new byte[32]));
    }

    private static void AssertInverse(BigInteger a)
    {
        var result = new byte[32];
        ScalarInverse.Invert(Bytes32(a), Bytes32(N), result);
        var inverse = new BigInteger(result, isUnsigned: true, isBigEndian: true);
        Assert.Equal(BigInteger.ModPow(a, N - 2, N), inverse);
        Assert.Equal(BigInteger.One, a * inverse % N);
    }

    private static byte[] Bytes32(BigInteger value)
    {
        var bytes = new byte[32];
        value.TryWriteBytes(bytes.AsSpan(32 - value.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return bytes;
    }
}
