using Trace.Node.Domain;

namespace Trace.Node.Verification;

/// <summary>Maps the EvidenceRegistry's <c>verify</c> status codes (IEvidenceRegistry.Status) to Trace's verification statuses.</summary>
public static class RegistryVerdict
{
    public static VerificationStatus ToStatus(int code) => code switch
    {
        0 => VerificationStatus.Verified,
        1 => VerificationStatus.UnknownRoot,
        2 => VerificationStatus.BadProof,
        3 => VerificationStatus.BadSignature,
        4 => VerificationStatus.UnknownIssuer,
        5 => VerificationStatus.KeyRetired,
        6 => VerificationStatus.IssuerSuspended,
        7 => VerificationStatus.IssuerNotAuthorised,
        8 => VerificationStatus.Revoked,
        9 => VerificationStatus.Superseded,
        _ => throw new InvalidOperationException($"the registry returned an unknown verify status {code}"),
    };
}
