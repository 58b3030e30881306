using Trace.Domain;

namespace Trace.Node.Storage.Entities;

/// <summary>One accepted, signed evidence claim and where it stands on its way to the chain.</summary>
public sealed class EvidenceRecordEntity
{
    /// <summary>The EIP-712 claim digest, "0x" + 64 lower-case hex digits; also the record id.</summary>
    public required string Id { get; set; }

    /// <summary>SHA-256 of the content (file bytes or canonical JSON), 32 bytes.</summary>
    public required byte[] ContentHash { get; set; }

    /// <summary>The claim's kind code.</summary>
    public RecordKind Kind { get; set; }

    /// <summary>keccak256 of the UTF-8 subject identifier, 32 bytes (the claim's <c>subject</c>).</summary>
    public required byte[] SubjectHash { get; set; }

    /// <summary>The readable subject identifier (GS1 Digital Link URI, EPC URN, ...).</summary>
    public required string Subject { get; set; }

    /// <summary>The issuer's address, EIP-55 checksummed.</summary>
    public required string Issuer { get; set; }

    /// <summary>The claim's <c>issuedAt</c> (whole seconds, UTC).</summary>
    public DateTimeOffset IssuedAt { get; set; }

    /// <summary>The claim's 32-byte nonce.</summary>
    public required byte[] Nonce { get; set; }

    /// <summary>The issuer's 65-byte signature (r ‖ s ‖ v) over the claim digest.</summary>
    public required byte[] Signature { get; set; }

    /// <summary>Media type of the content (e.g. application/pdf, application/json for structured records).</summary>
    public string? MediaType { get; set; }

    /// <summary>The file name given at submission, if any.</summary>
    public string? FileName { get; set; }

    /// <summary>Content length in bytes.</summary>
    public long ContentLength { get; set; }

    /// <summary>Free-form metadata given at submission, as a JSON object.</summary>
    public string? MetadataJson { get; set; }

    /// <summary>Anchoring status.</summary>
    public RecordStatus Status { get; set; }

    /// <summary>When the service accepted the claim (UTC, microsecond precision); the paging key with <see cref="Id"/>.</summary>
    public DateTimeOffset AcceptedAt { get; set; }

    /// <summary>The batch this claim was assigned to; null while queued.</summary>
    public long? BatchId { get; set; }

    /// <summary>Index of this claim's leaf in the batch's Merkle tree.</summary>
    public int? LeafIndex { get; set; }

    /// <summary>Merkle proof from this leaf to the batch root: the sibling hashes, 32 bytes each, concatenated.</summary>
    public byte[]? MerkleProof { get; set; }

    /// <summary>When the batch's transaction was mined (block time or observation time).</summary>
    public DateTimeOffset? AnchoredAt { get; set; }

    /// <summary>When the batch reached the confirmation depth.</summary>
    public DateTimeOffset? ConfirmedAt { get; set; }

    /// <summary>When the revocation or supersession was observed on chain; null when neither happened.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Block of the revocation or supersession event.</summary>
    public long? RevokedInBlock { get; set; }

    /// <summary>Transaction hash of the revocation or supersession, 32 bytes.</summary>
    public byte[]? RevokedTxHash { get; set; }

    /// <summary>The record that supersedes this one; null for a plain revocation.</summary>
    public string? SupersededBy { get; set; }

    /// <summary>The batch, when assigned.</summary>
    public AnchorBatchEntity? Batch { get; set; }

    /// <summary>The Merkle proof split into its 32-byte sibling hashes (empty for a one-leaf tree or no proof yet).</summary>
    public IReadOnlyList<byte[]> GetProof() => MerkleProofCodec.Split(MerkleProof);
}
