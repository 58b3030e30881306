namespace Trace.Domain;

/// <summary>Progress of one anchoring batch; every step is written before the next side effect happens.</summary>
public enum AnchorBatchState
{
    /// <summary>Claims assigned and Merkle tree fixed; nothing signed or sent yet.</summary>
    Open = 1,

    /// <summary>
    /// A transaction is signed and stored (nonce, hash and signed bytes) but may not have reached the network yet:
    /// a restart broadcasts the same bytes again. A replacement at the same nonce also passes through here.
    /// </summary>
    Sending = 2,

    /// <summary>The node accepted the stored transaction; the pipeline waits for it to be mined (and sends it again if the node loses it).</summary>
    Sent = 3,

    /// <summary>The root is in a block (number and hash recorded).</summary>
    Mined = 4,

    /// <summary>The block has the configured number of confirmations.</summary>
    Confirmed = 5,
}
