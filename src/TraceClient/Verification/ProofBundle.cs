using Trace.Crypto;
using Trace.Crypto.Eip712;
using Trace.Domain;

namespace Trace.Client.Verification;

/// <summary>A record's self-contained proof (docs/proof-bundle.md, format <c>trace.proof-bundle/v1</c>).</summary>
public sealed record ProofBundle(
    string RecordId,
    EvidenceClaimData Claim,
    string SubjectId,
    byte[] Signature,
    ulong DomainChainId,
    EthereumAddress DomainVerifyingContract,
    int LeafIndex,
    byte[] Leaf,
    IReadOnlyList<byte[]> Proof,
    byte[] Root,
    ulong AnchorChainId,
    EthereumAddress Registry,
    byte[] TxHash,
    ulong BlockNumber,
    byte[] BlockHash,
    string? MediaType,
    string? FileName,
    long ContentLength,
    RecordStatus Status,
    DateTimeOffset GeneratedAt)
{
    public const string Format = "trace.proof-bundle/v1";
}
