namespace Trace.Chain.Contracts.Registries;

/// <summary>
/// EvidenceRegistry.verify's result (IEvidenceRegistry.Status): VALID or the first failing check, in the contract's order.
/// The numeric values are the contract's.
/// </summary>
public enum VerificationCode : byte
{
    Valid = 0,
    UnknownRoot = 1,
    BadProof = 2,
    BadSignature = 3,
    UnknownIssuer = 4,
    KeyRetired = 5,
    IssuerSuspended = 6,
    IssuerNotAuthorised = 7,
    Revoked = 8,
    Superseded = 9,
}
