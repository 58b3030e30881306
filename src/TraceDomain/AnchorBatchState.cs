namespace Trace.Domain;

/// <summary>Progress of one anchoring batch; every step is written before the next side effect happens.</summary>
public enum AnchorBatchState
{
    /// <summary>Claims assigned and Merkle tree fixed; nothing sent yet.</summary>
    Open = 1,

    /// <summary>A transaction nonce is reserved; the transaction may or may not have reached the network.</summary>
    Sending = 2,

    /// <summary>The signed transaction was broadcast; its hash is known.</summary>
    Sent = 3,

    /// <summary>The transaction is in a block (number and hash recorded).</summary>
    Mined = 4,

    /// <summary>The block has the configured number of confirmations.</summary>
    Confirmed = 5,
}
