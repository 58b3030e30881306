using Trace.Crypto;
using Trace.Crypto.Eip712;

namespace Trace.Node.Evidence;

/// <summary>A claim whose fields, signature and issuer standing have been checked; <see cref="Digest"/> is the record id.</summary>
public sealed record ValidatedClaim(EvidenceClaimData Claim, byte[] Digest, byte[] Signature, string SubjectId)
{
    public string RecordId => Hex.Encode(Digest);
}
