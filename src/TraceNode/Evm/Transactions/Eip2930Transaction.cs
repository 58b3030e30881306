using System.Numerics;

namespace Trace.Node.Evm.Transactions;

/// <summary>An EIP-2930 (type 1) transaction: legacy gas price plus an access list.</summary>
public sealed record Eip2930Transaction : Transaction
{
    public override TransactionType Type => TransactionType.AccessList;

    /// <summary>Chain the transaction is valid on.</summary>
    public required ulong ChainId { get; init; }

    /// <summary>Wei per gas (uint256).</summary>
    public required BigInteger GasPrice { get; init; }

    /// <summary>Pre-declared addresses and storage slots.</summary>
    public IReadOnlyList<AccessListEntry> AccessList { get; init; } = [];
}
