namespace Trace.Domain;

/// <summary>The outcome of verifying one record: VERIFIED or the precise reason it is not.</summary>
public enum VerificationStatus
{
    /// <summary>Content, signature, issuer role, Merkle proof and on-chain root all check out; not revoked or superseded.</summary>
    Verified = 1,

    /// <summary>Accepted but its root is not on chain yet.</summary>
    Pending = 2,

    /// <summary>The content does not hash to the claimed content hash.</summary>
    Tampered = 3,

    /// <summary>The signature does not recover the claimed issuer.</summary>
    BadSignature = 4,

    /// <summary>The issuer is not a registered participant.</summary>
    UnknownIssuer = 5,

    /// <summary>The issuer is registered but its role may not issue this kind of record.</summary>
    IssuerNotAuthorised = 6,

    /// <summary>The issuer was suspended when the batch was anchored.</summary>
    IssuerSuspended = 7,

    /// <summary>The signing key had been retired when the batch was anchored.</summary>
    KeyRetired = 8,

    /// <summary>The Merkle root is not recorded by the registry contract.</summary>
    UnknownRoot = 9,

    /// <summary>The Merkle proof does not lead from the claim to the root.</summary>
    BadProof = 10,

    /// <summary>The issuer revoked the record on chain.</summary>
    Revoked = 11,

    /// <summary>The issuer superseded the record with a newer one on chain.</summary>
    Superseded = 12,

    /// <summary>No such record.</summary>
    NotFound = 13,

    /// <summary>
    /// Every check of <see cref="Verified"/> passed but a regulator flag is open on the record. A distinct status so a
    /// client testing for Verified does not accept a flagged record.
    /// </summary>
    Flagged = 14,
}
