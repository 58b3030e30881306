using Trace.Domain.Assurance;

namespace Trace.Domain;

/// <summary>A record as the index knows it: the accepted signed claim, its content, where it stands on its way to the chain, and any withdrawal.</summary>
public sealed record EvidenceRecord
{
    /// <summary>The EIP-712 claim digest, "0x" + 64 lower-case hex digits; also the record id.</summary>
    public required string Id { get; init; }

    /// <summary>SHA-256 of the content (file bytes or canonical JSON), 32 bytes.</summary>
    public required byte[] ContentHash { get; init; }

    /// <summary>The claim's kind.</summary>
    public required RecordKind Kind { get; init; }

    /// <summary>keccak256 of the UTF-8 subject identifier, 32 bytes (the claim's <c>subject</c>).</summary>
    public required byte[] SubjectHash { get; init; }

    /// <summary>The readable subject identifier (GS1 Digital Link URI, EPC URN, ...).</summary>
    public required string Subject { get; init; }

    /// <summary>The issuer's address, EIP-55 checksummed.</summary>
    public required string Issuer { get; init; }

    /// <summary>The claim's <c>issuedAt</c> (whole seconds, UTC).</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>The claim's 32-byte nonce.</summary>
    public required byte[] Nonce { get; init; }

    /// <summary>The issuer's 65-byte signature (r ‖ s ‖ v) over the claim digest.</summary>
    public required byte[] Signature { get; init; }

    /// <summary>Media type of the content (e.g. application/pdf, application/json for structured records).</summary>
    public string? MediaType { get; init; }

    /// <summary>The file name given at submission, if any.</summary>
    public string? FileName { get; init; }

    /// <summary>Content length in bytes.</summary>
    public long ContentLength { get; init; }

    /// <summary>Free-form metadata given at submission, as a JSON object.</summary>
    public string? MetadataJson { get; init; }

    /// <summary>Anchoring status.</summary>
    public required RecordStatus Status { get; init; }

    /// <summary>When the service accepted the claim (UTC).</summary>
    public required DateTimeOffset AcceptedAt { get; init; }

    /// <summary>When the batch's transaction was mined (block time or observation time).</summary>
    public DateTimeOffset? AnchoredAt { get; init; }

    /// <summary>When the batch reached the confirmation depth.</summary>
    public DateTimeOffset? ConfirmedAt { get; init; }

    /// <summary>Batch, root, leaf and proof; null while the claim waits for a batch.</summary>
    public RecordPlacement? Placement { get; init; }

    /// <summary>The transaction and block of the root; null while the record is <see cref="RecordStatus.Pending"/>.</summary>
    public RecordAnchor? Anchor { get; init; }

    /// <summary>The revocation or supersession observed on chain; null when neither happened.</summary>
    public RecordRevocation? Revocation { get; init; }

    /// <summary>Open regulator flags, oldest first (empty where the reader did not load them).</summary>
    public IReadOnlyList<RecordFlag> OpenFlags { get; init; } = [];

    /// <summary>Verifier endorsements, oldest first (empty where the reader did not load them).</summary>
    public IReadOnlyList<RecordEndorsement> Endorsements { get; init; } = [];
}
