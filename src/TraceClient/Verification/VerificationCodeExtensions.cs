using Trace.Chain.Contracts.Registries;
using Trace.Domain;

namespace Trace.Client.Verification;

/// <summary>Maps the contract's verify() codes onto the service's <see cref="VerificationStatus"/>.</summary>
public static class VerificationCodeExtensions
{
    /// <summary>The record status for an on-chain verification code (content and pending checks are the caller's).</summary>
    public static VerificationStatus ToVerificationStatus(this VerificationCode code) => code switch
    {
        VerificationCode.Valid => VerificationStatus.Verified,
        VerificationCode.UnknownRoot => VerificationStatus.UnknownRoot,
        VerificationCode.BadProof => VerificationStatus.BadProof,
        VerificationCode.BadSignature => VerificationStatus.BadSignature,
        VerificationCode.UnknownIssuer => VerificationStatus.UnknownIssuer,
        VerificationCode.KeyRetired => VerificationStatus.KeyRetired,
        VerificationCode.IssuerSuspended => VerificationStatus.IssuerSuspended,
        VerificationCode.IssuerNotAuthorised => VerificationStatus.IssuerNotAuthorised,
        VerificationCode.Revoked => VerificationStatus.Revoked,
        VerificationCode.Superseded => VerificationStatus.Superseded,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "not a verify() status code"),
    };
}
