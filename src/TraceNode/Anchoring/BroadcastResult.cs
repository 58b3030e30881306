namespace Trace.Node.Anchoring;

/// <summary>What the node said to a broadcast.</summary>
public enum BroadcastResult
{
    /// <summary>The node holds the transaction (it is new, or it already knew these bytes).</summary>
    Accepted = 1,

    /// <summary>The transaction's nonce is already used by a mined transaction: this one can never be mined again as signed.</summary>
    NonceUsed = 2,
}
