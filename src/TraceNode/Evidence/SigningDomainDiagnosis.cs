using System.Numerics;
using Trace.Crypto;
using Trace.Crypto.Eip712;

namespace Trace.Node.Evidence;

/// <summary>
/// Explains a claim signature that recovers another address than its issuer by trying the signing-domain mistakes
/// clients make (another chain id, another verifying contract, another EIP-712 type string, an EIP-191 personal_sign
/// of the digest) and saying which one makes the signature recover the issuer.
/// </summary>
/// <remarks>
/// Only run on a refused signature, and bounded: about twenty recoveries, each well under a millisecond.
/// A signature that matches none of them is reported as made with another key or an unrecognised domain.
/// </remarks>
public static class SigningDomainDiagnosis
{
    /// <summary>Chain ids clients commonly sign for by mistake (mainnets, public testnets, local dev chains).</summary>
    public static IReadOnlyList<ulong> CommonChainIds { get; } =
        [1, 11155111, 17000, 5, 137, 80002, 10, 8453, 42161, 100, 56, 31337, 1337];

    /// <summary>The claim type strings a client may have used instead of <see cref="EvidenceClaimHasher.EncodedType"/>.</summary>
    /// <remarks>Integer width does not change the encoded data (every member is one 32-byte word), only the type hash.</remarks>
    public static IReadOnlyList<string> TypeStringVariants { get; } =
    [
        "EvidenceClaim(bytes32 contentHash,uint256 kind,bytes32 subject,address issuer,uint64 issuedAt,bytes32 nonce)",
        "EvidenceClaim(bytes32 contentHash,uint8 kind,bytes32 subject,address issuer,uint256 issuedAt,bytes32 nonce)",
        "EvidenceClaim(bytes32 contentHash,uint256 kind,bytes32 subject,address issuer,uint256 issuedAt,bytes32 nonce)",
    ];

    /// <summary>
    /// What the signature was made over, as a sentence ("signed for chain id 1, this node's chain id is 31337"), or
    /// null when none of the known mistakes makes <paramref name="signature"/> recover <paramref name="issuer"/>.
    /// </summary>
    /// <param name="otherContracts">Other contracts the client may have named as verifyingContract, with a label each.</param>
    public static string? Explain(EcdsaSignature signature, EvidenceClaimData claim, EthereumAddress issuer, ulong chainId,
        EthereumAddress verifyingContract, IReadOnlyList<(EthereumAddress Address, string Label)> otherContracts)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(otherContracts);

        bool Recovers(byte[] digest)
        {
            try { return Secp256k1.RecoverAddress(digest, signature) == issuer; }
            catch (InvalidSignatureException) { return false; }
        }

        var expected = EvidenceClaimHasher.Domain(new BigInteger(chainId), verifyingContract);
        foreach (var other in CommonChainIds)
        {
            if (other == chainId) continue;
            if (Recovers(EvidenceClaimHasher.Digest(expected with { ChainId = new BigInteger(other) }, claim)))
                return $"signed for chain id {other}, this node's chain id is {chainId}";
        }

        foreach (var (address, label) in otherContracts.Append((EthereumAddress.Zero, "the zero address")))
        {
            if (address == verifyingContract) continue;
            if (Recovers(EvidenceClaimHasher.Digest(expected with { VerifyingContract = address }, claim)))
                return $"signed with verifyingContract {address} ({label}), this node's verifyingContract is the EvidenceRegistry {verifyingContract}";
        }
        if (Recovers(EvidenceClaimHasher.Digest(expected with { VerifyingContract = null }, claim)))
            return $"signed with an EIP-712 domain without verifyingContract, this node's domain has verifyingContract {verifyingContract}";
        if (Recovers(EvidenceClaimHasher.Digest(expected with { Version = null }, claim)))
            return $"signed with an EIP-712 domain without version, this node's domain has version \"{EvidenceClaimHasher.DomainVersion}\"";

        var separator = expected.Separator();
        foreach (var type in TypeStringVariants)
        {
            if (Recovers(DigestWithType(separator, type, claim)))
                return $"signed with the type string \"{type}\", this node's is \"{EvidenceClaimHasher.EncodedType}\"";
        }

        var digest = EvidenceClaimHasher.Digest(expected, claim);
        if (Recovers(PersonalMessage.Hash(digest)))
            return "signed the EIP-712 digest with personal_sign (EIP-191 prefix), the claim must be signed as EIP-712 typed data (eth_signTypedData_v4) without a prefix";
        return null;
    }

    // Same encoded data as EvidenceClaimHasher.StructHash, under another type hash.
    internal static byte[] DigestWithType(byte[] separator, string type, EvidenceClaimData claim)
    {
        var data = new byte[7 * 32];
        Keccak256.HashUtf8(type).CopyTo(data, 0);
        claim.ContentHash.CopyTo(data, 32);
        data[95] = claim.Kind;
        claim.Subject.CopyTo(data, 96);
        claim.Issuer.Bytes.CopyTo(data.AsSpan(128 + 12));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(data.AsSpan(160 + 24), claim.IssuedAt);
        claim.Nonce.CopyTo(data, 192);
        var structHash = Keccak256.Hash(data);
        var buffer = new byte[66];
        buffer[0] = 0x19;
        buffer[1] = 0x01;
        separator.CopyTo(buffer, 2);
        structHash.CopyTo(buffer, 34);
        return Keccak256.Hash(buffer);
    }
}
