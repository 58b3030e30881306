using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Trace.Crypto;
using Trace.Crypto.Eip712;
using Trace.Node.Canonical;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Support;

/// <summary>What a supplier's client does before submitting: hash the content and sign the EIP-712 claim with its own key.</summary>
public sealed class ClaimSigner(EthereumKey key, ulong chainId, EthereumAddress registry)
{
    public EthereumKey Key { get; } = key;
    public EthereumAddress Address => Key.Address;

    public SignedClaim Sign(byte[] contentHash, RecordKind kind, string subjectId, ulong? issuedAt = null, byte[]? nonce = null)
    {
        var claim = new EvidenceClaimData(contentHash, (byte)kind, Keccak256.HashUtf8(subjectId), Key.Address,
            issuedAt ?? (ulong)DateTimeOffset.UtcNow.ToUnixTimeSeconds(), nonce ?? RandomNumberGenerator.GetBytes(32));
        var digest = EvidenceClaimHasher.Digest(EvidenceClaimHasher.Domain(new BigInteger(chainId), registry), claim);
        return new SignedClaim
        {
            Claim = new EvidenceClaim
            {
                ContentHash = ByteString.CopyFrom(claim.ContentHash),
                Kind = kind,
                Subject = ByteString.CopyFrom(claim.Subject),
                Issuer = Key.Address.ToString(),
                IssuedAt = claim.IssuedAt,
                Nonce = ByteString.CopyFrom(claim.Nonce),
            },
            Signature = ByteString.CopyFrom(Key.Sign(digest).ToBytes65()),
        };
    }

    /// <summary>The record id the service will give this claim (its EIP-712 digest).</summary>
    public string RecordIdOf(SignedClaim signed)
    {
        var c = signed.Claim;
        var claim = new EvidenceClaimData(c.ContentHash.ToByteArray(), (byte)c.Kind, c.Subject.ToByteArray(), EthereumAddress.Parse(c.Issuer), c.IssuedAt, c.Nonce.ToByteArray());
        return Hex.Encode(EvidenceClaimHasher.Digest(EvidenceClaimHasher.Domain(new BigInteger(chainId), registry), claim));
    }

    /// <summary>A salted structured record and its claim, as a SubmitRecord request.</summary>
    public SubmitRecordRequest StructuredRecord(string subjectId, RecordKind kind, string bodyJson)
    {
        var salt = Hex.Encode(RandomNumberGenerator.GetBytes(32));
        var json = bodyJson.TrimEnd().TrimEnd('}') + (bodyJson.Trim() == "{}" ? "" : ",") + $"\"salt\":\"{salt}\"}}";
        var canonical = JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(json));
        return new SubmitRecordRequest
        {
            SignedClaim = Sign(SHA256.HashData(canonical), kind, subjectId),
            SubjectId = subjectId,
            RecordJson = json,
        };
    }
}
