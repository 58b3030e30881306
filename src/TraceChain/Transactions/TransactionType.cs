namespace Trace.Chain.Transactions;

/// <summary>EIP-2718 transaction type byte (legacy transactions have none and count as 0).</summary>
public enum TransactionType : byte
{
    /// <summary>RLP list, optionally replay-protected by EIP-155.</summary>
    Legacy = 0,

    /// <summary>EIP-2930: gas price plus an access list.</summary>
    AccessList = 1,

    /// <summary>EIP-1559: priority fee and fee cap plus an access list.</summary>
    DynamicFee = 2,
}
