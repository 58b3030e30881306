using System.Numerics;
using System.Security.Cryptography;
using Google.Protobuf;
using Trace.Crypto;
using Trace.Crypto.Eip712;
using Trace.Protos.V1;

namespace Trace.Client.Claims;

/// <summary>
/// Builds and signs Trace evidence claims with one issuer key for one deployment (chain id and EvidenceRegistry):
/// the EIP-712 claim a node accepts, a salted structured record, a document header, one at a time or in bulk.
/// </summary>
/// <remarks>Thread-safe: the key signs without shared state and the domain separator is computed once.</remarks>
public sealed class ClaimSigner
{
    private readonly byte[] _domainSeparator;
    private readonly TimeProvider _clock;

    /// <summary>A signer for the deployment a node reports in GetNodeInfo (chain_id, contracts["EvidenceRegistry"]).</summary>
    public ClaimSigner(EthereumKey key, ulong chainId, EthereumAddress registry, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        Key = key;
        ChainId = chainId;
        Registry = registry;
        _clock = clock ?? TimeProvider.System;
        _domainSeparator = EvidenceClaimHasher.Domain(new BigInteger(chainId), registry).Separator();
    }

    /// <summary>The issuer key; the signer does not dispose it.</summary>
    public EthereumKey Key { get; }

    /// <summary>The issuer address every claim names.</summary>
    public EthereumAddress Address => Key.Address;

    /// <summary>The chain id of the EIP-712 domain.</summary>
    public ulong ChainId { get; }

    /// <summary>The EvidenceRegistry, the domain's verifying contract.</summary>
    public EthereumAddress Registry { get; }

    /// <summary>
    /// Signs a claim over <paramref name="contentHash"/> (the SHA-256 of the document or canonical record) about
    /// <paramref name="subjectId"/>; issuedAt defaults to now and the nonce to 32 random bytes.
    /// </summary>
    /// <exception cref="ArgumentException">a content hash or nonce that is not 32 bytes, or an empty subject id.</exception>
    public SignedClaim Sign(byte[] contentHash, RecordKind kind, string subjectId, ulong? issuedAt = null, byte[]? nonce = null)
    {
        ArgumentNullException.ThrowIfNull(contentHash);
        ArgumentException.ThrowIfNullOrEmpty(subjectId);
        if (contentHash.Length != 32) throw new ArgumentException($"a content hash is 32 bytes (SHA-256), got {contentHash.Length}", nameof(contentHash));
        if (nonce is { Length: not 32 }) throw new ArgumentException($"a nonce is 32 bytes, got {nonce.Length}", nameof(nonce));
        var claim = new EvidenceClaimData(contentHash, (byte)kind, Keccak256.HashUtf8(subjectId), Key.Address,
            issuedAt ?? (ulong)_clock.GetUtcNow().ToUnixTimeSeconds(), nonce ?? RandomNumberGenerator.GetBytes(32));
        Span<byte> digest = stackalloc byte[32];
        EvidenceClaimHasher.Digest(_domainSeparator, claim, digest);
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

    /// <summary>Signs many claims on all cores (a claim costs one secp256k1 signature, ~120 µs); results keep the input order.</summary>
    public SignedClaim[] SignMany(IReadOnlyList<ClaimContent> claims, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var signed = new SignedClaim[claims.Count];
        Parallel.For(0, claims.Count, new ParallelOptions { CancellationToken = ct },
            i => signed[i] = Sign(claims[i].ContentHash, claims[i].Kind, claims[i].SubjectId));
        return signed;
    }

    /// <summary>
    /// A salted structured record ready for SubmitRecord: <paramref name="bodyJson"/> (a JSON object without "salt")
    /// gets a fresh 32-byte salt, is canonicalised (RFC 8785) and its SHA-256 is the signed content hash.
    /// </summary>
    /// <exception cref="ArgumentException">the body is not a JSON object, already has a salt, or cannot be canonicalised.</exception>
    public SubmitRecordRequest StructuredRecord(string subjectId, RecordKind kind, string bodyJson, string? metadataJson = null)
    {
        var record = SaltedRecord.Seal(bodyJson);
        return new SubmitRecordRequest
        {
            SignedClaim = Sign(record.ContentHash, kind, subjectId),
            SubjectId = subjectId,
            RecordJson = record.CanonicalJson,
            MetadataJson = metadataJson ?? "",
        };
    }

    /// <summary>
    /// A lineage record (batch, transformation, shipment or footprint declaration) ready for SubmitRecord: the kind and
    /// subject id come from its <c>recordType</c> and identifier member (<see cref="LineageRecordType"/>).
    /// </summary>
    /// <exception cref="ArgumentException">no known recordType or identifier, or a body that cannot be sealed.</exception>
    public SubmitRecordRequest LineageRecord(string bodyJson, string? metadataJson = null)
    {
        var (_, kind, subject) = LineageRecordType.Describe(bodyJson);
        return StructuredRecord(subject, kind, bodyJson, metadataJson);
    }

    /// <summary><see cref="StructuredRecord"/> for many records on all cores; results keep the input order.</summary>
    public SubmitRecordRequest[] StructuredRecords(IReadOnlyList<RecordDraft> drafts, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var requests = new SubmitRecordRequest[drafts.Count];
        Parallel.For(0, drafts.Count, new ParallelOptions { CancellationToken = ct },
            i => requests[i] = StructuredRecord(drafts[i].SubjectId, drafts[i].Kind, drafts[i].BodyJson, drafts[i].MetadataJson));
        return requests;
    }

    /// <summary>The header of a SubmitDocument stream for content whose SHA-256 and length are known.</summary>
    public SubmitDocumentHeader DocumentHeader(DocumentDigest content, RecordKind kind, string subjectId, string mediaType,
        string? fileName = null, string? metadataJson = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(mediaType);
        return new SubmitDocumentHeader
        {
            SignedClaim = Sign(content.Sha256, kind, subjectId),
            SubjectId = subjectId,
            MediaType = mediaType,
            FileName = fileName ?? "",
            ContentLength = content.Length,
            MetadataJson = metadataJson ?? "",
        };
    }

    /// <summary>The record id a node gives <paramref name="signed"/>: its EIP-712 digest as 0x-prefixed hex.</summary>
    public string RecordIdOf(SignedClaim signed) => RecordId.Of(signed, ChainId, Registry);
}
