using System.Numerics;

namespace Trace.Crypto.Tests;

/// <summary>The 64-bit-limb field arithmetic behind fast recovery, checked against System.Numerics.BigInteger mod p.</summary>
public class FieldElementTests
{
    private static readonly BigInteger P = (BigInteger.One << 256) - (BigInteger.One << 32) - 977;

    public static TheoryData<int> Seeds() => [1, 2, 3, 4];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Add_sub_multiply_agree_with_big_integer_arithmetic(int seed)
    {
        var random = new Random(seed);
        var samples = new List<BigInteger> { 0, 1, 2, P - 1, P - 2, (BigInteger.One << 255), (BigInteger.One << 64) - 1, P - (BigInteger.One << 32) };
        for (var i = 0; i < 200; i++) samples.Add(RandomBelowP(random));
        foreach (var a in samples)
        {
            var b = samples[random.Next(samples.Count)];
            var fa = ToField(a);
            var fb = ToField(b);
            Assert.Equal((a + b) % P, ToBig(FieldElement.Add(fa, fb)));
            Assert.Equal(((a - b) % P + P) % P, ToBig(FieldElement.Sub(fa, fb)));
            Assert.Equal(a * b % P, ToBig(FieldElement.Multiply(fa, fb)));
            Assert.Equal(a * a % P, ToBig(FieldElement.Square(fa)));
            Assert.Equal((P - a) % P, ToBig(FieldElement.Negate(fa)));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Invert_and_square_root_agree_with_big_integer_exponentiation(int seed)
    {
        var random = new Random(seed);
        var samples = new List<BigInteger> { 1, 2, 7, P - 1, P - 2, (BigInteger.One << 255) };
        for (var i = 0; i < 100; i++) samples.Add(RandomBelowP(random));
        foreach (var a in samples.Where(a => !a.IsZero))
        {
            Assert.Equal(BigInteger.ModPow(a, P - 2, P), ToBig(FieldElement.Invert(ToField(a))));
            Assert.Equal(BigInteger.One, ToBig(FieldElement.Multiply(FieldElement.Invert(ToField(a)), ToField(a))));
            var isSquare = BigInteger.ModPow(a, (P - 1) / 2, P).IsOne;
            Assert.Equal(isSquare, FieldElement.TrySqrt(ToField(a), out var root));
            if (isSquare) Assert.Equal(a, ToBig(FieldElement.Square(root)));
            Assert.True(FieldElement.TrySqrt(ToField(a * a % P), out var ofSquare));
            Assert.Equal(a * a % P, ToBig(FieldElement.Square(ofSquare)));
        }
    }

    private static BigInteger RandomBelowP(Random random)
    {
        var bytes = new byte[32];
        random.NextBytes(bytes);
        // Bias towards limbs of all ones, where carries and the final reduction happen.
        if (random.Next(3) == 0) Array.Fill(bytes, (byte)0xff, 0, random.Next(1, 32));
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true) % P;
    }

    private static FieldElement ToField(BigInteger value)
    {
        var bytes = new byte[32];
        value.TryWriteBytes(bytes.AsSpan(32 - value.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return FieldElement.FromBytes(bytes);
    }

    private static BigInteger ToBig(FieldElement value)
    {
        var bytes = new byte[32];
        value.WriteBytes(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }
}
