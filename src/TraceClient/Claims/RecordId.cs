using System.Numerics;
using Trace.Crypto;
using Trace.Crypto.Eip712;
using Trace.Protos.V1;

namespace Trace.Client.Claims;

/// <summary>A record's id: the EIP-712 digest of its claim under the deployment's domain, as 0x-prefixed hex.</summary>
public static class RecordId
{
    /// <summary>The id of <paramref name="signed"/> for the deployment (chain id, EvidenceRegistry).</summary>
    /// <exception cref="ArgumentException">a claim field of the wrong size or an issuer that is not an address.</exception>
    public static string Of(SignedClaim signed, ulong chainId, EthereumAddress registry)
    {
        ArgumentNullException.ThrowIfNull(signed);
        var c = signed.Claim ?? throw new ArgumentException("the signed claim has no claim", nameof(signed));
        if (!EthereumAddress.TryParse(c.Issuer, out var issuer)) throw new ArgumentException($"claim.issuer is not an address: '{c.Issuer}'", nameof(signed));
        var claim = new EvidenceClaimData(c.ContentHash.ToByteArray(), (byte)c.Kind, c.Subject.ToByteArray(), issuer, c.IssuedAt, c.Nonce.ToByteArray());
        return Hex.Encode(EvidenceClaimHasher.Digest(EvidenceClaimHasher.Domain(new BigInteger(chainId), registry), claim));
    }
}
