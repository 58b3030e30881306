using System.Numerics;

namespace Trace.Chain.Transactions;

/// <summary>A legacy (type 0) transaction; replay-protected by EIP-155 when <see cref="ChainId"/> is set.</summary>
public sealed record LegacyTransaction : Transaction
{
    public override TransactionType Type => TransactionType.Legacy;

    /// <summary>EIP-155 chain id; null for a pre-EIP-155 (Frontier/Homestead) transaction valid on every chain.</summary>
    public ulong? ChainId { get; init; }

    /// <summary>Wei per gas (uint256).</summary>
    public required BigInteger GasPrice { get; init; }
}
