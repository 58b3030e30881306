using Trace.Crypto;
using Trace.Crypto.Eip712;
using Trace.Domain;

namespace Trace.Node.Evidence;

/// <summary>The EIP-712 claim a record was accepted for, rebuilt from the record's fields (what the registry and verifiers hash).</summary>
public static class RecordClaims
{
    /// <summary>The signed claim of <paramref name="record"/>.</summary>
    public static EvidenceClaimData ToClaimData(this EvidenceRecord record) =>
        new(record.ContentHash, (byte)record.Kind, record.SubjectHash, EthereumAddress.Parse(record.Issuer), (ulong)record.IssuedAt.ToUnixTimeSeconds(), record.Nonce);
}
