using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Trace.Client.Verification;
using Trace.Crypto;
using Trace.Crypto.Eip712;
using Trace.Domain;

namespace Trace.Api.Tests.Support;

/// <summary>Proof bundles another deployment would hand out: well-formed and consistent, but anchored on another chain.</summary>
public static class ForeignBundle
{
    /// <summary>
    /// A one-claim batch signed and "anchored" on <paramref name="chainId"/> at <paramref name="registry"/>: steps 1–6 of
    /// docs/proof-bundle.md pass offline, so only the chain check can tell it apart from a bundle of the node's own chain.
    /// </summary>
    public static string Json(ulong chainId, EthereumAddress registry)
    {
        using var key = EthereumKey.Generate();
        const string subjectId = "urn:trace:other-chain";
        var claim = new EvidenceClaimData(SHA256.HashData(Encoding.UTF8.GetBytes("content")), 6,
            Keccak256.HashUtf8(subjectId), key.Address, (ulong)DateTimeOffset.UtcNow.ToUnixTimeSeconds(), RandomNumberGenerator.GetBytes(32));
        var digest = EvidenceClaimHasher.Digest(EvidenceClaimHasher.Domain(new BigInteger(chainId), registry), claim);
        var leaf = Keccak256.Hash(Keccak256.Hash(digest)); // a one-leaf tree: the leaf is the root, the proof empty
        return ProofBundleJson.Write(new ProofBundle(
            RecordId: "0x" + Convert.ToHexStringLower(digest), Claim: claim, SubjectId: subjectId, Signature: key.Sign(digest).ToBytes65(),
            DomainChainId: chainId, DomainVerifyingContract: registry,
            LeafIndex: 0, Leaf: leaf, Proof: [], Root: leaf,
            AnchorChainId: chainId, Registry: registry, TxHash: RandomNumberGenerator.GetBytes(32), BlockNumber: 42, BlockHash: RandomNumberGenerator.GetBytes(32),
            MediaType: "text/plain", FileName: null, ContentLength: 7, Status: RecordStatus.Confirmed, GeneratedAt: DateTimeOffset.UtcNow));
    }
}
