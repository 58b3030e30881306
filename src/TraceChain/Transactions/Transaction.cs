using System.Numerics;
using Trace.Crypto;

namespace Trace.Chain.Transactions;

/// <summary>Fields every transaction type shares. Records are immutable; <see cref="Data"/> is not copied, so do not mutate it.</summary>
public abstract record Transaction
{
    /// <summary>The EIP-2718 type.</summary>
    public abstract TransactionType Type { get; }

    /// <summary>Sender's transaction count.</summary>
    public required ulong Nonce { get; init; }

    /// <summary>Gas the transaction may use.</summary>
    public required ulong GasLimit { get; init; }

    /// <summary>Recipient; null creates a contract.</summary>
    public EthereumAddress? To { get; init; }

    /// <summary>Wei transferred (uint256).</summary>
    public BigInteger Value { get; init; }

    /// <summary>Call data or init code.</summary>
    public byte[] Data { get; init; } = [];
}
