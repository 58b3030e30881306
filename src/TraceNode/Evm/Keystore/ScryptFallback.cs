using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Trace.Node.Evm.Keystore;

/// <summary>
/// scrypt (RFC 7914) for parameters BouncyCastle refuses: BC enforces RFC 7914's N &lt; 2^(128·r/8), so r=1 allows only
/// N &lt; 65536, yet real keystores (geth's "light" era, ethereum/tests KeyStoreTests test2) use N=262144 with r=1.
/// Used only when BC rejects the parameters; tests cross-check it against BC where both apply.
/// </summary>
internal static class ScryptFallback
{
    public static byte[] Generate(byte[] password, byte[] salt, int n, int r, int p, int dkLen)
    {
        var blockBytes = 128 * r;
        var b = Rfc2898DeriveBytes.Pbkdf2(password, salt, 1, HashAlgorithmName.SHA256, p * blockBytes);
        var x = new uint[32 * r];
        var v = new uint[(long)n * 32 * r];
        var scratch = new uint[32 * r];
        for (var i = 0; i < p; i++)
        {
            var chunk = b.AsSpan(i * blockBytes, blockBytes);
            for (var k = 0; k < x.Length; k++) x[k] = BinaryPrimitives.ReadUInt32LittleEndian(chunk[(k * 4)..]);
            RoMix(x, v, scratch, n, r);
            for (var k = 0; k < x.Length; k++) BinaryPrimitives.WriteUInt32LittleEndian(chunk[(k * 4)..], x[k]);
        }
        var result = Rfc2898DeriveBytes.Pbkdf2(password, b, 1, HashAlgorithmName.SHA256, dkLen);
        CryptographicOperations.ZeroMemory(b);
        Array.Clear(v);
        return result;
    }

    private static void RoMix(uint[] x, uint[] v, uint[] scratch, int n, int r)
    {
        var words = 32 * r;
        for (var i = 0; i < n; i++)
        {
            x.CopyTo(v, (long)i * words);
            BlockMix(x, scratch, r);
        }
        for (var i = 0; i < n; i++)
        {
            // Integerify: the first word of the last 64-byte block, modulo N (a power of two).
            var j = (int)(x[(2 * r - 1) * 16] & (uint)(n - 1));
            var vj = v.AsSpan((int)((long)j * words), words);
            for (var k = 0; k < words; k++) x[k] ^= vj[k];
            BlockMix(x, scratch, r);
        }
    }

    private static void BlockMix(uint[] b, uint[] y, int r)
    {
        Span<uint> block = stackalloc uint[16];
        b.AsSpan((2 * r - 1) * 16, 16).CopyTo(block);
        for (var i = 0; i < 2 * r; i++)
        {
            for (var k = 0; k < 16; k++) block[k] ^= b[i * 16 + k];
            Salsa20x8(block);
            // Even blocks go to the first half of the output, odd blocks to the second.
            block.CopyTo(y.AsSpan(((i & 1) * r + (i >> 1)) * 16, 16));
        }
        y.CopyTo(b, 0);
    }

    private static void Salsa20x8(Span<uint> b)
    {
        uint x0 = b[0], x1 = b[1], x2 = b[2], x3 = b[3], x4 = b[4], x5 = b[5], x6 = b[6], x7 = b[7],
            x8 = b[8], x9 = b[9], x10 = b[10], x11 = b[11], x12 = b[12], x13 = b[13], x14 = b[14], x15 = b[15];
        for (var i = 0; i < 8; i += 2)
        {
            x4 ^= uint.RotateLeft(x0 + x12, 7); x8 ^= uint.RotateLeft(x4 + x0, 9);
            x12 ^= uint.RotateLeft(x8 + x4, 13); x0 ^= uint.RotateLeft(x12 + x8, 18);
            x9 ^= uint.RotateLeft(x5 + x1, 7); x13 ^= uint.RotateLeft(x9 + x5, 9);
            x1 ^= uint.RotateLeft(x13 + x9, 13); x5 ^= uint.RotateLeft(x1 + x13, 18);
            x14 ^= uint.RotateLeft(x10 + x6, 7); x2 ^= uint.RotateLeft(x14 + x10, 9);
            x6 ^= uint.RotateLeft(x2 + x14, 13); x10 ^= uint.RotateLeft(x6 + x2, 18);
            x3 ^= uint.RotateLeft(x15 + x11, 7); x7 ^= uint.RotateLeft(x3 + x15, 9);
            x11 ^= uint.RotateLeft(x7 + x3, 13); x15 ^= uint.RotateLeft(x11 + x7, 18);
            x1 ^= uint.RotateLeft(x0 + x3, 7); x2 ^= uint.RotateLeft(x1 + x0, 9);
            x3 ^= uint.RotateLeft(x2 + x1, 13); x0 ^= uint.RotateLeft(x3 + x2, 18);
            x6 ^= uint.RotateLeft(x5 + x4, 7); x7 ^= uint.RotateLeft(x6 + x5, 9);
            x4 ^= uint.RotateLeft(x7 + x6, 13); x5 ^= uint.RotateLeft(x4 + x7, 18);
            x11 ^= uint.RotateLeft(x10 + x9, 7); x8 ^= uint.RotateLeft(x11 + x10, 9);
            x9 ^= uint.RotateLeft(x8 + x11, 13); x10 ^= uint.RotateLeft(x9 + x8, 18);
            x12 ^= uint.RotateLeft(x15 + x14, 7); x13 ^= uint.RotateLeft(x12 + x15, 9);
            x14 ^= uint.RotateLeft(x13 + x12, 13); x15 ^= uint.RotateLeft(x14 + x13, 18);
        }
        b[0] += x0; b[1] += x1; b[2] += x2; b[3] += x3; b[4] += x4; b[5] += x5; b[6] += x6; b[7] += x7;
        b[8] += x8; b[9] += x9; b[10] += x10; b[11] += x11; b[12] += x12; b[13] += x13; b[14] += x14; b[15] += x15;
    }
}
