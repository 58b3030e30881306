using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Trace.Node.Blobs;

/// <summary>
/// The at-rest format of a content blob (version 1): a fixed header, then the plaintext in 64 KiB segments, each
/// sealed with AES-256-GCM under the blob's own random data key (the STREAM construction: the nonce carries the
/// segment index and a last-segment flag, so reordered, dropped or truncated segments fail authentication).
/// </summary>
/// <remarks>
/// Header (88 bytes): magic <c>89 'TRCSEAL'</c> (8) · version 1 (1) · log2 segment size 16 (1) · reserved (2) · KEK id (8)
/// · nonce prefix (7) · reserved (1) · wrap nonce (12) · wrapped data key (32) · wrap tag (16). The data key is wrapped
/// with AES-256-GCM under the KEK, with the first 28 header bytes and the SHA-256 of the plaintext as associated data:
/// a blob file renamed to another hash, or a header edited, no longer unwraps. Segment i: nonce = prefix (7) ·
/// big-endian i (4) · 1 if last else 0 (1); associated data = the first 28 header bytes; stored as ciphertext · tag (16).
/// An empty blob is one empty last segment.
/// </remarks>
public static class BlobEnvelope
{
    /// <summary>Header size in bytes.</summary>
    public const int HeaderSize = 88;

    /// <summary>Plaintext bytes per segment (the last may be shorter).</summary>
    public const int SegmentSize = 1 << SegmentSizeLog2;

    /// <summary>Authentication tag size per segment.</summary>
    public const int TagSize = 16;

    internal const int SegmentSizeLog2 = 16;
    internal const int FixedPartSize = 28; // magic .. nonce prefix + reserved: associated data of the segments and the wrap
    internal const int NoncePrefixSize = 7;
    private const byte Version = 1;
    private const int WrapNonceOffset = 28;
    private const int WrappedKeyOffset = 40;
    private const int WrapTagOffset = 72;

    /// <summary>The 8 bytes every sealed blob starts with.</summary>
    public static ReadOnlySpan<byte> Magic => [0x89, (byte)'T', (byte)'R', (byte)'C', (byte)'S', (byte)'E', (byte)'A', (byte)'L'];

    /// <summary>True when <paramref name="start"/> (the first bytes of a stored blob) begins with the sealed-blob magic.</summary>
    public static bool LooksSealed(ReadOnlySpan<byte> start) => start.Length >= HeaderSize && start.StartsWith(Magic);

    /// <summary>Stored size of a plaintext of <paramref name="plaintextLength"/> bytes.</summary>
    public static long SealedLength(long plaintextLength) => HeaderSize + plaintextLength + SegmentCount(plaintextLength) * (long)TagSize;

    /// <summary>Plaintext size of a sealed blob of <paramref name="sealedLength"/> bytes, or null when no plaintext seals to that size.</summary>
    public static long? PlaintextLength(long sealedLength)
    {
        var body = sealedLength - HeaderSize;
        if (body < TagSize) return null;
        var segments = Math.Max(1, (body + SegmentSize + TagSize - 1) / (SegmentSize + TagSize));
        var plain = body - segments * TagSize;
        return plain >= 0 && SealedLength(plain) == sealedLength ? plain : null;
    }

    /// <summary>Segments a plaintext of this length is cut into (at least one).</summary>
    public static long SegmentCount(long plaintextLength) => Math.Max(1, (plaintextLength + SegmentSize - 1) / SegmentSize);

    /// <summary>Starts a header: magic, version, segment size, KEK id and a fresh random nonce prefix; the key wrap comes at the end.</summary>
    internal static byte[] NewHeader(ulong kekId)
    {
        var header = new byte[HeaderSize];
        Magic.CopyTo(header);
        header[8] = Version;
        header[9] = SegmentSizeLog2;
        BinaryPrimitives.WriteUInt64BigEndian(header.AsSpan(12), kekId);
        RandomNumberGenerator.Fill(header.AsSpan(20, NoncePrefixSize));
        return header;
    }

    /// <summary>Wraps <paramref name="dataKey"/> under the KEK into the header, binding it to the header and the plaintext hash.</summary>
    internal static void WrapKey(byte[] header, ReadOnlySpan<byte> kek, ReadOnlySpan<byte> dataKey, ReadOnlySpan<byte> plaintextSha256)
    {
        RandomNumberGenerator.Fill(header.AsSpan(WrapNonceOffset, 12));
        using var aes = new AesGcm(kek, TagSize);
        aes.Encrypt(header.AsSpan(WrapNonceOffset, 12), dataKey, header.AsSpan(WrappedKeyOffset, ContentKeyRing.KeySize),
            header.AsSpan(WrapTagOffset, TagSize), WrapAssociatedData(header, plaintextSha256));
    }

    /// <summary>Recovers the data key of a sealed blob stored under <paramref name="plaintextSha256"/>.</summary>
    /// <exception cref="BlobCorruptException">unknown version or KEK, or the header does not authenticate.</exception>
    internal static byte[] UnwrapKey(ReadOnlySpan<byte> header, ContentKeyRing keys, byte[] plaintextSha256)
    {
        if (header.Length < HeaderSize || !header.StartsWith(Magic)) throw new BlobCorruptException(plaintextSha256, "not a sealed blob");
        if (header[8] != Version || header[9] != SegmentSizeLog2)
            throw new BlobCorruptException(plaintextSha256, $"unknown format version {header[8]} (segment size 2^{header[9]})");
        var kekId = BinaryPrimitives.ReadUInt64BigEndian(header[12..]);
        var kek = keys.Find(kekId) ?? throw new BlobCorruptException(plaintextSha256,
            $"it is wrapped with key-encryption key id {kekId:x16}, which is neither the current key nor a retired one ({ContentEncryptionOptions.SectionName}:RetiredKeyEncryptionKeyFiles)");
        var dataKey = new byte[ContentKeyRing.KeySize];
        try
        {
            using var aes = new AesGcm(kek, TagSize);
            aes.Decrypt(header.Slice(WrapNonceOffset, 12), header.Slice(WrappedKeyOffset, ContentKeyRing.KeySize), header.Slice(WrapTagOffset, TagSize),
                dataKey, WrapAssociatedData(header, plaintextSha256));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new BlobCorruptException(plaintextSha256, "its key wrap does not authenticate (the file was altered or belongs to another hash)");
        }
        return dataKey;
    }

    /// <summary>The nonce of segment <paramref name="index"/>.</summary>
    internal static void SegmentNonce(ReadOnlySpan<byte> header, long index, bool last, Span<byte> nonce)
    {
        if (index > uint.MaxValue) throw new InvalidOperationException("content too large for the sealed-blob format");
        header.Slice(20, NoncePrefixSize).CopyTo(nonce);
        BinaryPrimitives.WriteUInt32BigEndian(nonce[NoncePrefixSize..], (uint)index);
        nonce[11] = last ? (byte)1 : (byte)0;
    }

    /// <summary>Seals one segment: <paramref name="output"/> receives ciphertext · tag (plaintext length + 16).</summary>
    internal static void SealSegment(AesGcm aes, ReadOnlySpan<byte> header, long index, bool last, ReadOnlySpan<byte> plaintext, Span<byte> output)
    {
        Span<byte> nonce = stackalloc byte[12];
        SegmentNonce(header, index, last, nonce);
        aes.Encrypt(nonce, plaintext, output[..plaintext.Length], output.Slice(plaintext.Length, TagSize), header[..FixedPartSize]);
    }

    /// <summary>Seals a whole plaintext held in memory (small blobs).</summary>
    internal static byte[] Seal(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> plaintextSha256, ContentKeyRing keys)
    {
        var header = NewHeader(keys.CurrentId);
        var dataKey = RandomNumberGenerator.GetBytes(ContentKeyRing.KeySize);
        try
        {
            var sealedBytes = new byte[SealedLength(plaintext.Length)];
            using (var aes = new AesGcm(dataKey, TagSize))
            {
                var segments = SegmentCount(plaintext.Length);
                var at = HeaderSize;
                for (long i = 0; i < segments; i++)
                {
                    var start = (int)(i * SegmentSize);
                    var part = plaintext.Slice(start, Math.Min(SegmentSize, plaintext.Length - start));
                    SealSegment(aes, header, i, i == segments - 1, part, sealedBytes.AsSpan(at));
                    at += part.Length + TagSize;
                }
            }
            WrapKey(header, keys.CurrentKey, dataKey, plaintextSha256);
            header.CopyTo(sealedBytes, 0);
            return sealedBytes;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    private static byte[] WrapAssociatedData(ReadOnlySpan<byte> header, ReadOnlySpan<byte> plaintextSha256)
    {
        var aad = new byte[FixedPartSize + plaintextSha256.Length];
        header[..FixedPartSize].CopyTo(aad);
        plaintextSha256.CopyTo(aad.AsSpan(FixedPartSize));
        return aad;
    }
}
