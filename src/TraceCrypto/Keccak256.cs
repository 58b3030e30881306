using System.Buffers.Binary;

namespace Trace.Crypto;

/// <summary>Keccak-256 as Ethereum uses it (original Keccak padding 0x01, not NIST SHA3-256's 0x06).</summary>
/// <remarks>
/// Own sponge over <see cref="KeccakF1600"/>: no allocation per hash and whole-lane absorption straight from the
/// input span. Measured against BouncyCastle's KeccakDigest in bench/TraceBench/Evm/KeccakBenchmarks.
/// </remarks>
public static class Keccak256
{
    /// <summary>Digest length in bytes.</summary>
    public const int Size = 32;

    // Rate for a 256-bit capacity-512 sponge: 1088 bits = 136 bytes = 17 lanes.
    private const int Rate = 136;
    private const int RateLanes = Rate / 8;

    /// <summary>keccak256("") = 0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470.</summary>
    public static ReadOnlySpan<byte> OfAnEmptyString =>
    [
        0xc5, 0xd2, 0x46, 0x01, 0x86, 0xf7, 0x23, 0x3c, 0x92, 0x7e, 0x7d, 0xb2, 0xdc, 0xc7, 0x03, 0xc0,
        0xe5, 0x00, 0xb6, 0x53, 0xca, 0x82, 0x27, 0x3b, 0x7b, 0xfa, 0xd8, 0x04, 0x5d, 0x85, 0xa4, 0x70,
    ];

    /// <summary>Hashes <paramref name="data"/> into <paramref name="destination"/> (32 bytes).</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (destination.Length < Size) throw new ArgumentException("destination must hold 32 bytes", nameof(destination));
        Span<ulong> state = stackalloc ulong[25];
        state.Clear();
        while (data.Length >= Rate)
        {
            Absorb(state, data[..Rate]);
            data = data[Rate..];
        }
        Span<byte> last = stackalloc byte[Rate];
        last.Clear();
        data.CopyTo(last);
        last[data.Length] ^= 0x01;
        last[Rate - 1] ^= 0x80;
        Absorb(state, last);
        for (var i = 0; i < Size / 8; i++) BinaryPrimitives.WriteUInt64LittleEndian(destination[(i * 8)..], state[i]);
    }

    /// <summary>Hashes <paramref name="data"/> and returns a new 32-byte array.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var result = new byte[Size];
        Hash(data, result);
        return result;
    }

    /// <summary>Hashes the UTF-8 bytes of <paramref name="text"/> (event and function signatures).</summary>
    public static byte[] HashUtf8(string text) => Hash(System.Text.Encoding.UTF8.GetBytes(text));

    private static void Absorb(Span<ulong> state, ReadOnlySpan<byte> block)
    {
        for (var i = 0; i < RateLanes; i++) state[i] ^= BinaryPrimitives.ReadUInt64LittleEndian(block[(i * 8)..]);
        KeccakF1600.Permute(state);
    }
}
