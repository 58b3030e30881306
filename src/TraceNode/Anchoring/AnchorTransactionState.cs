namespace Trace.Node.Anchoring;

/// <summary>Where an anchoring transaction is, as seen by the node.</summary>
public enum AnchorTransactionState
{
    /// <summary>Neither mined nor in the node's pool (never received, dropped, or reorganised away and not re-added).</summary>
    Unknown = 0,

    /// <summary>In the node's pool, not mined yet.</summary>
    Pending = 1,

    /// <summary>Mined and succeeded.</summary>
    Succeeded = 2,

    /// <summary>Mined and reverted: its nonce is used, nothing was anchored by it.</summary>
    Reverted = 3,
}
