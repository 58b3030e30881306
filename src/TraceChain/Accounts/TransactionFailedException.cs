using Trace.Chain.Rpc;
using Trace.Crypto;

namespace Trace.Chain.Accounts;

/// <summary>A transaction was mined but reverted (receipt status 0).</summary>
public sealed class TransactionFailedException(TransactionReceipt receipt)
    : Exception($"transaction {Hex.Encode(receipt.TransactionHash)} reverted in block {receipt.BlockNumber}")
{
    public TransactionReceipt Receipt { get; } = receipt;
}
