using Trace.Crypto;

namespace Trace.Chain.Accounts;

/// <summary>A broadcast transaction disappeared from the node before it was mined; its nonce is free again.</summary>
public sealed class TransactionDroppedException(byte[] hash)
    : Exception($"transaction {Hex.Encode(hash)} was dropped by the node before it was mined")
{
    public byte[] Hash { get; } = hash;
}
