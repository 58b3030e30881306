using Trace.Crypto;
using Trace.Node.Evm.Rpc;

namespace Trace.Node.Evm.Accounts;

/// <summary>A transaction was mined but reverted (receipt status 0).</summary>
public sealed class TransactionFailedException(TransactionReceipt receipt)
    : Exception($"transaction {Hex.Encode(receipt.TransactionHash)} reverted in block {receipt.BlockNumber}")
{
    public TransactionReceipt Receipt { get; } = receipt;
}
