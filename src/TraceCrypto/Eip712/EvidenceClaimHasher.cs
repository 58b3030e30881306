using System.Buffers.Binary;
using System.Numerics;

namespace Trace.Crypto.Eip712;

/// <summary>
/// Allocation-light EIP-712 hashing of <see cref="EvidenceClaimData"/> under Trace's domain
/// (name "Trace", version "1", chainId, verifyingContract). Tested against ethers' vectors, a generic EIP-712 encoder and
/// Nethereum's typed-data hasher.
/// </summary>
public static class EvidenceClaimHasher
{
    /// <summary>The EIP-712 encodeType of the claim.</summary>
    public const string EncodedType =
        "EvidenceClaim(bytes32 contentHash,uint8 kind,bytes32 subject,address issuer,uint64 issuedAt,bytes32 nonce)";

    /// <summary>The domain name.</summary>
    public const string DomainName = "Trace";

    /// <summary>The domain version.</summary>
    public const string DomainVersion = "1";

    /// <summary>keccak256(EncodedType) = 0xcb133c4f8896c12ab6a1765b8d31c0a77f0f77ac702774e86d27206cfd168bb4.</summary>
    public static ReadOnlySpan<byte> TypeHash =>
    [
        0xcb, 0x13, 0x3c, 0x4f, 0x88, 0x96, 0xc1, 0x2a, 0xb6, 0xa1, 0x76, 0x5b, 0x8d, 0x31, 0xc0, 0xa7,
        0x7f, 0x0f, 0x77, 0xac, 0x70, 0x27, 0x74, 0xe8, 0x6d, 0x27, 0x20, 0x6c, 0xfd, 0x16, 0x8b, 0xb4,
    ];

    /// <summary>Trace's domain for a deployment.</summary>
    public static Eip712Domain Domain(BigInteger chainId, EthereumAddress verifyingContract) =>
        new(DomainName, DomainVersion, chainId, verifyingContract);

    /// <summary>hashStruct(EvidenceClaim, claim) into <paramref name="destination"/> (32 bytes), without heap allocation.</summary>
    public static void StructHash(EvidenceClaimData claim, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(claim);
        Span<byte> data = stackalloc byte[7 * 32];
        data.Clear();
        TypeHash.CopyTo(data);
        Bytes32(claim.ContentHash, nameof(claim.ContentHash)).CopyTo(data[32..]);
        data[95] = claim.Kind;
        Bytes32(claim.Subject, nameof(claim.Subject)).CopyTo(data[96..]);
        claim.Issuer.Bytes.CopyTo(data[(128 + 12)..]);
        BinaryPrimitives.WriteUInt64BigEndian(data[(160 + 24)..], claim.IssuedAt);
        Bytes32(claim.Nonce, nameof(claim.Nonce)).CopyTo(data[192..]);
        Keccak256.Hash(data, destination);
    }

    /// <summary>hashStruct(EvidenceClaim, claim).</summary>
    public static byte[] StructHash(EvidenceClaimData claim)
    {
        var result = new byte[32];
        StructHash(claim, result);
        return result;
    }

    /// <summary>The digest the issuer signs: keccak256(0x1901 ‖ domainSeparator ‖ structHash).</summary>
    public static void Digest(ReadOnlySpan<byte> domainSeparator, EvidenceClaimData claim, Span<byte> destination)
    {
        if (domainSeparator.Length != 32) throw new ArgumentException("a domain separator is 32 bytes", nameof(domainSeparator));
        Span<byte> buffer = stackalloc byte[66];
        buffer[0] = 0x19;
        buffer[1] = 0x01;
        domainSeparator.CopyTo(buffer[2..]);
        StructHash(claim, buffer[34..]);
        Keccak256.Hash(buffer, destination);
    }

    /// <summary>The digest under <paramref name="domain"/> (compute the separator once with Domain.Separator() for batches).</summary>
    public static byte[] Digest(Eip712Domain domain, EvidenceClaimData claim)
    {
        var result = new byte[32];
        Digest(domain.Separator(), claim, result);
        return result;
    }

    private static ReadOnlySpan<byte> Bytes32(byte[]? value, string name) =>
        value is { Length: 32 } ? value : throw new ArgumentException($"EvidenceClaim.{name} must be 32 bytes, got {value?.Length ?? 0}", name);
}
