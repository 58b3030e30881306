namespace Trace.Domain;

/// <summary>A signed claim the service has checked and accepted, with the submission's metadata; what the index queues.</summary>
/// <remarks>The store checks shapes only (lengths, hex); signature and content checks happen before a claim gets here.</remarks>
public sealed record AcceptedClaim
{
    /// <summary>The EIP-712 claim digest (32 bytes); the record id is its 0x-prefixed lower-case hex.</summary>
    public required byte[] Digest { get; init; }

    /// <summary>SHA-256 of the content, 32 bytes.</summary>
    public required byte[] ContentHash { get; init; }

    /// <summary>The claim's kind.</summary>
    public required RecordKind Kind { get; init; }

    /// <summary>keccak256 of the UTF-8 subject identifier, 32 bytes.</summary>
    public required byte[] SubjectHash { get; init; }

    /// <summary>The readable subject identifier.</summary>
    public required string Subject { get; init; }

    /// <summary>The issuer that signed the claim: its address, EIP-55 checksummed.</summary>
    public required string Issuer { get; init; }

    /// <summary>The claim's issuedAt (whole seconds are what was signed).</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>The claim's nonce, 32 bytes.</summary>
    public required byte[] Nonce { get; init; }

    /// <summary>The 65-byte signature r ‖ s ‖ v.</summary>
    public required byte[] Signature { get; init; }

    /// <summary>Media type of the content.</summary>
    public string? MediaType { get; init; }

    /// <summary>File name given at submission.</summary>
    public string? FileName { get; init; }

    /// <summary>Content length in bytes.</summary>
    public long ContentLength { get; init; }

    /// <summary>Submission metadata as a JSON object.</summary>
    public string? MetadataJson { get; init; }

    /// <summary>
    /// When the service accepted the claim; fixed before the claim's envelope is written to the blob store so a rebuilt
    /// index holds the same time. Null lets the store use the time of its commit.
    /// </summary>
    public DateTimeOffset? AcceptedAt { get; init; }

    /// <summary>The record id this claim gets: "0x" + 64 lower-case hex digits of <see cref="Digest"/>.</summary>
    public string RecordId => DomainHex.Encode(Digest);

    /// <summary>Throws when a field has the wrong shape (length, undefined kind, empty subject, malformed issuer).</summary>
    /// <exception cref="ArgumentException">the field named by <see cref="ArgumentException.ParamName"/> is malformed.</exception>
    public void Validate()
    {
        RequireLength(Digest, 32, nameof(Digest));
        RequireLength(ContentHash, 32, nameof(ContentHash));
        RequireLength(SubjectHash, 32, nameof(SubjectHash));
        RequireLength(Nonce, 32, nameof(Nonce));
        RequireLength(Signature, 65, nameof(Signature));
        if (!RecordKinds.IsDefined((int)Kind)) throw new ArgumentException($"kind {(int)Kind} is not a defined record kind", nameof(Kind));
        if (string.IsNullOrEmpty(Subject)) throw new ArgumentException("the subject identifier is empty", nameof(Subject));
        if (Issuer is not { Length: 42 } || !DomainHex.TryDecode(Issuer, out _))
            throw new ArgumentException($"issuer '{Issuer}' is not an address (0x + 40 hex digits)", nameof(Issuer));
        if (ContentLength < 0) throw new ArgumentException($"content length {ContentLength} is negative", nameof(ContentLength));
    }

    private static void RequireLength(byte[]? value, int length, string name)
    {
        if (value is null || value.Length != length)
            throw new ArgumentException($"{name} must be {length} bytes, got {value?.Length.ToString() ?? "null"}", name);
    }
}
