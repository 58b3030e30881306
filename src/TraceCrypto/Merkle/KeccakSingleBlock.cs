using System.Buffers.Binary;

namespace Trace.Crypto.Merkle;

/// <summary>
/// Keccak-256 for inputs shorter than one block (≤ 135 bytes), unrolled and allocation-free: Merkle leaves (32 bytes)
/// and node pairs (64 bytes) are hashed hundreds of thousands of times per batch, where the general digest's
/// buffering costs more than the permutation. The permutation is the one <see cref="KeccakF1600"/>; only the
/// absorption differs (a pair is loaded lane by lane, without concatenating it).
/// </summary>
internal static class KeccakSingleBlock
{
    private const int Rate = 136;

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
        KeccakF1600.Permute(state);
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
        KeccakF1600.Permute(state);
        for (var i = 0; i < 4; i++) BinaryPrimitives.WriteUInt64LittleEndian(destination[(i * 8)..], state[i]);
    }
}
