using System.Buffers.Binary;

namespace Trace.Crypto.Merkle;

/// <summary>
/// Keccak-256 for inputs shorter than one block (≤ 135 bytes), unrolled and allocation-free: Merkle leaves (32 bytes)
/// and node pairs (64 bytes) are hashed hundreds of thousands of times per batch, where the general digest's
/// buffering costs more than the permutation.
/// </summary>
internal static class KeccakSingleBlock
{
    private const int Rate = 136;

    private static ReadOnlySpan<ulong> RoundConstants =>
    [
        0x0000000000000001UL,
        0x0000000000008082UL,
        0x800000000000808AUL,
        0x8000000080008000UL,
        0x000000000000808BUL,
        0x0000000080000001UL,
        0x8000000080008081UL,
        0x8000000000008009UL,
        0x000000000000008AUL,
        0x0000000000000088UL,
        0x0000000080008009UL,
        0x000000008000000AUL,
        0x000000008000808BUL,
        0x800000000000008BUL,
        0x8000000000008089UL,
        0x8000000000008003UL,
        0x8000000000008002UL,
        0x8000000000000080UL,
        0x000000000000800AUL,
        0x800000008000000AUL,
        0x8000000080008081UL,
        0x8000000000008080UL,
        0x0000000080000001UL,
        0x8000000080008008UL,
    ];

    /// <summary>keccak256(data) for data of at most 135 bytes.</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (data.Length >= Rate) throw new ArgumentException("input must be shorter than one Keccak block", nameof(data));
        Span<byte> block = stackalloc byte[Rate];
        block.Clear();
        data.CopyTo(block);
        block[data.Length] ^= 0x01;
        block[Rate - 1] ^= 0x80;
        Span<ulong> state = stackalloc ulong[25];
        state.Clear();
        for (var i = 0; i < Rate / 8; i++) state[i] = BinaryPrimitives.ReadUInt64LittleEndian(block[(i * 8)..]);
        Permute(state);
        for (var i = 0; i < 4; i++) BinaryPrimitives.WriteUInt64LittleEndian(destination[(i * 8)..], state[i]);
    }

    /// <summary>keccak256(a ‖ b) of two 32-byte nodes, without concatenating them.</summary>
    public static void HashPair(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, Span<byte> destination)
    {
        Span<ulong> state = stackalloc ulong[25];
        state.Clear();
        for (var i = 0; i < 4; i++)
        {
            state[i] = BinaryPrimitives.ReadUInt64LittleEndian(a[(i * 8)..]);
            state[i + 4] = BinaryPrimitives.ReadUInt64LittleEndian(b[(i * 8)..]);
        }
        state[8] = 0x01;
        state[16] = 0x8000000000000000UL;
        Permute(state);
        for (var i = 0; i < 4; i++) BinaryPrimitives.WriteUInt64LittleEndian(destination[(i * 8)..], state[i]);
    }

    private static void Permute(Span<ulong> state)
    {
        ulong a0 = state[0];
        ulong a1 = state[1];
        ulong a2 = state[2];
        ulong a3 = state[3];
        ulong a4 = state[4];
        ulong a5 = state[5];
        ulong a6 = state[6];
        ulong a7 = state[7];
        ulong a8 = state[8];
        ulong a9 = state[9];
        ulong a10 = state[10];
        ulong a11 = state[11];
        ulong a12 = state[12];
        ulong a13 = state[13];
        ulong a14 = state[14];
        ulong a15 = state[15];
        ulong a16 = state[16];
        ulong a17 = state[17];
        ulong a18 = state[18];
        ulong a19 = state[19];
        ulong a20 = state[20];
        ulong a21 = state[21];
        ulong a22 = state[22];
        ulong a23 = state[23];
        ulong a24 = state[24];
        for (var round = 0; round < 24; round++)
        {
            var c0 = a0 ^ a5 ^ a10 ^ a15 ^ a20;
            var c1 = a1 ^ a6 ^ a11 ^ a16 ^ a21;
            var c2 = a2 ^ a7 ^ a12 ^ a17 ^ a22;
            var c3 = a3 ^ a8 ^ a13 ^ a18 ^ a23;
            var c4 = a4 ^ a9 ^ a14 ^ a19 ^ a24;
            var d0 = c4 ^ ulong.RotateLeft(c1, 1);
            var d1 = c0 ^ ulong.RotateLeft(c2, 1);
            var d2 = c1 ^ ulong.RotateLeft(c3, 1);
            var d3 = c2 ^ ulong.RotateLeft(c4, 1);
            var d4 = c3 ^ ulong.RotateLeft(c0, 1);
            var b0 = (a0 ^ d0);
            var b1 = ulong.RotateLeft(a6 ^ d1, 44);
            var b2 = ulong.RotateLeft(a12 ^ d2, 43);
            var b3 = ulong.RotateLeft(a18 ^ d3, 21);
            var b4 = ulong.RotateLeft(a24 ^ d4, 14);
            var b5 = ulong.RotateLeft(a3 ^ d3, 28);
            var b6 = ulong.RotateLeft(a9 ^ d4, 20);
            var b7 = ulong.RotateLeft(a10 ^ d0, 3);
            var b8 = ulong.RotateLeft(a16 ^ d1, 45);
            var b9 = ulong.RotateLeft(a22 ^ d2, 61);
            var b10 = ulong.RotateLeft(a1 ^ d1, 1);
            var b11 = ulong.RotateLeft(a7 ^ d2, 6);
            var b12 = ulong.RotateLeft(a13 ^ d3, 25);
            var b13 = ulong.RotateLeft(a19 ^ d4, 8);
            var b14 = ulong.RotateLeft(a20 ^ d0, 18);
            var b15 = ulong.RotateLeft(a4 ^ d4, 27);
            var b16 = ulong.RotateLeft(a5 ^ d0, 36);
            var b17 = ulong.RotateLeft(a11 ^ d1, 10);
            var b18 = ulong.RotateLeft(a17 ^ d2, 15);
            var b19 = ulong.RotateLeft(a23 ^ d3, 56);
            var b20 = ulong.RotateLeft(a2 ^ d2, 62);
            var b21 = ulong.RotateLeft(a8 ^ d3, 55);
            var b22 = ulong.RotateLeft(a14 ^ d4, 39);
            var b23 = ulong.RotateLeft(a15 ^ d0, 41);
            var b24 = ulong.RotateLeft(a21 ^ d1, 2);
            a0 = b0 ^ (~b1 & b2);
            a1 = b1 ^ (~b2 & b3);
            a2 = b2 ^ (~b3 & b4);
            a3 = b3 ^ (~b4 & b0);
            a4 = b4 ^ (~b0 & b1);
            a5 = b5 ^ (~b6 & b7);
            a6 = b6 ^ (~b7 & b8);
            a7 = b7 ^ (~b8 & b9);
            a8 = b8 ^ (~b9 & b5);
            a9 = b9 ^ (~b5 & b6);
            a10 = b10 ^ (~b11 & b12);
            a11 = b11 ^ (~b12 & b13);
            a12 = b12 ^ (~b13 & b14);
            a13 = b13 ^ (~b14 & b10);
            a14 = b14 ^ (~b10 & b11);
            a15 = b15 ^ (~b16 & b17);
            a16 = b16 ^ (~b17 & b18);
            a17 = b17 ^ (~b18 & b19);
            a18 = b18 ^ (~b19 & b15);
            a19 = b19 ^ (~b15 & b16);
            a20 = b20 ^ (~b21 & b22);
            a21 = b21 ^ (~b22 & b23);
            a22 = b22 ^ (~b23 & b24);
            a23 = b23 ^ (~b24 & b20);
            a24 = b24 ^ (~b20 & b21);
            a0 ^= RoundConstants[round];
        }
        state[0] = a0;
        state[1] = a1;
        state[2] = a2;
        state[3] = a3;
        state[4] = a4;
        state[5] = a5;
        state[6] = a6;
        state[7] = a7;
        state[8] = a8;
        state[9] = a9;
        state[10] = a10;
        state[11] = a11;
        state[12] = a12;
        state[13] = a13;
        state[14] = a14;
        state[15] = a15;
        state[16] = a16;
        state[17] = a17;
        state[18] = a18;
        state[19] = a19;
        state[20] = a20;
        state[21] = a21;
        state[22] = a22;
        state[23] = a23;
        state[24] = a24;
    }
}
