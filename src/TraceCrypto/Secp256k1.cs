using System.Diagnostics.CodeAnalysis;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;
using Native = Secp256k1Net.Secp256k1;

namespace Trace.Crypto;

/// <summary>
/// secp256k1: public-key recovery on bitcoin-core's libsecp256k1 (the hot path: every submitted record's signature);
/// signing and plain verification on BouncyCastle's custom curve (specialised field arithmetic, GLV endomorphism,
/// fixed-point comb for the generator).
/// </summary>
/// <remarks>
/// .NET's ECDsa (OpenSSL) was measured against this (bench/TraceBench/Evm/Secp256k1BackendBenchmarks):
/// it cannot sign deterministically (RFC 6979) nor recover keys, so it is not used.
/// </remarks>
public static class Secp256k1
{
    private static readonly X9ECParameters Parameters = CustomNamedCurves.GetByName("secp256k1");
    private static readonly ECCurve Curve = Parameters.Curve;
    internal static readonly ECPoint G = Parameters.G;
    private static readonly BigInteger N = Parameters.N;
    private static readonly BigInteger HalfN = N.ShiftRight(1);
    private static readonly BigInteger P = Curve.Field.Characteristic;
    private static readonly FixedPointCombMultiplier BaseMultiplier = new();

    /// <summary>n/2 = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0, the largest low s.</summary>
    public static ReadOnlySpan<byte> HalfOrderBytes =>
    [
        0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        0x5d, 0x57, 0x6e, 0x73, 0x57, 0xa4, 0x50, 0x1d, 0xdf, 0xe9, 0x2f, 0x46, 0x68, 0x1b, 0x20, 0xa0,
    ];

    /// <summary>Recovers the 65-byte uncompressed public key (0x04‖x‖y) that produced <paramref name="signature"/>; high s is rejected.</summary>
    /// <exception cref="InvalidSignatureException">r or s out of range, high s, or no key recovers.</exception>
    public static byte[] RecoverPublicKey(ReadOnlySpan<byte> digest32, EcdsaSignature signature) =>
        RecoverPublicKey(digest32, signature, allowHighS: false);

    /// <summary>
    /// Recovers the public key; <paramref name="allowHighS"/> = true gives the ecrecover precompile's rule,
    /// false the transaction (EIP-2) and OpenZeppelin ECDSA rule.
    /// </summary>
    public static byte[] RecoverPublicKey(ReadOnlySpan<byte> digest32, EcdsaSignature signature, bool allowHighS) =>
        Recover(digest32, signature, allowHighS);

    /// <summary>Recovers the signer's address; high s is rejected.</summary>
    /// <exception cref="InvalidSignatureException">r or s out of range, high s, or no key recovers.</exception>
    public static EthereumAddress RecoverAddress(ReadOnlySpan<byte> digest32, EcdsaSignature signature) =>
        RecoverAddress(digest32, signature, allowHighS: false);

    /// <summary>Recovers the signer's address, optionally accepting high s.</summary>
    public static EthereumAddress RecoverAddress(ReadOnlySpan<byte> digest32, EcdsaSignature signature, bool allowHighS) =>
        EthereumAddress.FromPublicKey(RecoverPublicKey(digest32, signature, allowHighS));

    /// <summary>True when <paramref name="signature"/> (low s) over <paramref name="digest32"/> recovers <paramref name="signer"/>; false for any invalid signature.</summary>
    public static bool Verify(ReadOnlySpan<byte> digest32, EcdsaSignature signature, EthereumAddress signer)
    {
        try
        {
            return RecoverAddress(digest32, signature) == signer;
        }
        catch (InvalidSignatureException)
        {
            return false;
        }
    }

    /// <summary>Plain ECDSA verification against a 65-byte (0x04…) or 33-byte compressed public key; ignores the recovery id, accepts high s.</summary>
    /// <exception cref="ArgumentException">the public key is not a point on the curve.</exception>
    public static bool Verify(ReadOnlySpan<byte> digest32, EcdsaSignature signature, ReadOnlySpan<byte> publicKey)
    {
        EnsureDigest(digest32);
        ECPoint q;
        try
        {
            q = Curve.DecodePoint(publicKey.ToArray());
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"public key is not a valid secp256k1 point: {e.Message}", nameof(publicKey));
        }
        if (q.IsInfinity) throw new ArgumentException("public key is the point at infinity", nameof(publicKey));
        if (!signature.IsInitialized) return false;
        var r = ToBig(signature.R);
        var s = ToBig(signature.S);
        if (r.SignValue == 0 || r.CompareTo(N) >= 0 || s.SignValue == 0 || s.CompareTo(N) >= 0) return false;
        var w = s.ModInverse(N);
        var u1 = ToBig(digest32).Mod(N).Multiply(w).Mod(N);
        var u2 = r.Multiply(w).Mod(N);
        var point = ECAlgorithms.SumOfTwoMultiplies(G, u1, q, u2).Normalize();
        return !point.IsInfinity && point.AffineXCoord.ToBigInteger().Mod(N).Equals(r);
    }

    /// <summary>RFC 6979 (HMAC-SHA256) deterministic signature with low s and its recovery id.</summary>
    internal static EcdsaSignature Sign(ReadOnlySpan<byte> digest32, BigInteger d)
    {
        EnsureDigest(digest32);
        var digest = digest32.ToArray();
        var e = ToBig(digest32).Mod(N);
        var k = new HMacDsaKCalculator(new Sha256Digest());
        k.Init(N, d, digest);
        while (true)
        {
            var nonce = k.NextK();
            var point = BaseMultiplier.Multiply(G, nonce).Normalize();
            var x = point.AffineXCoord.ToBigInteger();
            var r = x.Mod(N);
            if (r.SignValue == 0) continue;
            var s = nonce.ModInverse(N).Multiply(e.Add(d.Multiply(r))).Mod(N);
            if (s.SignValue == 0) continue;
            var recoveryId = (point.AffineYCoord.TestBitZero() ? 1 : 0) | (x.CompareTo(N) >= 0 ? 2 : 0);
            if (s.CompareTo(HalfN) > 0)
            {
                // (r, n - s) is the same signature reflected through -R, whose y parity is the opposite.
                s = N.Subtract(s);
                recoveryId ^= 1;
            }
            return new EcdsaSignature(To32(r), To32(s), (byte)recoveryId);
        }
    }

    /// <summary>d·G as 65 uncompressed bytes.</summary>
    internal static byte[] PublicKeyOf(BigInteger d) => BaseMultiplier.Multiply(G, d).Normalize().GetEncoded(false);

    /// <summary>d·G as 33 compressed bytes.</summary>
    internal static byte[] CompressedPublicKeyOf(BigInteger d) => BaseMultiplier.Multiply(G, d).Normalize().GetEncoded(true);

    /// <summary>True when 0 &lt; d &lt; n.</summary>
    internal static bool IsValidPrivateKey(BigInteger d) => d.SignValue > 0 && d.CompareTo(N) < 0;

    internal static BigInteger ToBig(ReadOnlySpan<byte> bigEndian) => new(1, bigEndian);

    private static byte[] Recover(ReadOnlySpan<byte> digest32, EcdsaSignature signature, bool allowHighS)
    {
        EnsureDigest(digest32);
        if (!signature.IsInitialized) Fail("signature is empty (default value)");
        var r = ToBig(signature.R);
        var s = ToBig(signature.S);
        if (r.SignValue == 0) Fail("signature r is zero");
        if (r.CompareTo(N) >= 0) Fail("signature r is not below the curve order n");
        if (s.SignValue == 0) Fail("signature s is zero");
        if (s.CompareTo(N) >= 0) Fail("signature s is not below the curve order n");
        if (!allowHighS && s.CompareTo(HalfN) > 0) Fail("signature s is above n/2 (high-s signatures are malleable and rejected)");
        if ((signature.RecoveryId & 2) != 0 && r.Add(N).CompareTo(P) >= 0) Fail("signature r + n is not a field element for recovery id 2 or 3");

        // Q = r⁻¹(s·R − e·G) by bitcoin-core's libsecp256k1 (through Secp256k1.Net): about 41 µs here against 146 µs for
        // the 64-bit-limb arithmetic Trace had written itself, which this replaced (bench/README.md). The checks above
        // keep Trace's rules and messages; all that is left for the library to refuse is an r that is no point's x
        // coordinate, or a key at infinity.
        Span<byte> compact = stackalloc byte[64];
        signature.R.CopyTo(compact);
        signature.S.CopyTo(compact[32..]);
        try
        {
            return Native.RecoverPublicKey(compact, signature.RecoveryId, digest32, compressed: false);
        }
        catch (ArgumentException)
        {
            throw new InvalidSignatureException("no public key recovers: signature r is not the x coordinate of a curve point, or the key is the point at infinity");
        }
    }

    private static void EnsureDigest(ReadOnlySpan<byte> digest32)
    {
        if (digest32.Length != 32) throw new ArgumentException($"digest must be 32 bytes, got {digest32.Length}", nameof(digest32));
    }

    private static byte[] To32(BigInteger value)
    {
        var result = new byte[32];
        var bytes = value.ToByteArrayUnsigned();
        bytes.CopyTo(result.AsSpan(32 - bytes.Length));
        return result;
    }

    [DoesNotReturn]
    private static void Fail(string message) => throw new InvalidSignatureException(message);
}
