using System.Numerics;

namespace Trace.Chain.Transactions;

/// <summary>An EIP-1559 (type 2) transaction: tip and fee cap instead of a gas price (Trace sends no access list).</summary>
public sealed record Eip1559Transaction : Transaction
{
    public override TransactionType Type => TransactionType.DynamicFee;

    /// <summary>Chain the transaction is valid on.</summary>
    public required ulong ChainId { get; init; }

    /// <summary>Tip per gas paid to the block producer (uint256).</summary>
    public required BigInteger MaxPriorityFeePerGas { get; init; }

    /// <summary>Most the sender pays per gas, base fee included (uint256).</summary>
    public required BigInteger MaxFeePerGas { get; init; }
}
