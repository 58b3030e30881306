using Trace.Crypto;

namespace Trace.Chain.Contracts.Registries;

/// <summary>What EvidenceRegistry recorded for a Merkle root (rootInfo); all zero when the root was never anchored.</summary>
/// <param name="AnchoredAt">Block timestamp of the anchoring (unix seconds): the time issuers' standing is judged at.</param>
/// <param name="Count">Leaf count declared by the operator.</param>
public sealed record AnchoredRoot(EthereumAddress Operator, ulong AnchoredAt, ulong BlockNumber, uint Count)
{
    public bool IsAnchored => AnchoredAt != 0;
}
