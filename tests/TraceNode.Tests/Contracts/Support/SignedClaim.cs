using Trace.Crypto.Eip712;

namespace Trace.Node.Tests.Contracts.Support;

/// <summary>A claim with its EIP-712 digest and the issuer's 65-byte signature.</summary>
internal sealed record SignedClaim(EvidenceClaimData Claim, byte[] Digest, byte[] Signature);
