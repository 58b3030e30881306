namespace Trace.Domain;

/// <summary>A signed claim as a client sent it, before validation (raw bytes and text, as in the proto).</summary>
public sealed record SubmittedClaim(
    byte[] ContentHash,
    int Kind,
    byte[] Subject,
    string Issuer,
    ulong IssuedAt,
    byte[] Nonce,
    byte[] Signature,
    string SubjectId);
