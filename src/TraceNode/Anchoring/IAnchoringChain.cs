namespace Trace.Node.Anchoring;

/// <summary>
/// The chain as the anchoring pipeline needs it, in Trace's terms: sign an anchoring transaction without sending it,
/// broadcast signed bytes, watch a transaction, read blocks and ask the registry about a root. Signing and
/// broadcasting are separate so the pipeline can persist the transaction in between.
/// </summary>
public interface IAnchoringChain
{
    /// <summary>Completes when the registry is deployed or found and the operator key is loaded.</summary>
    Task WaitUntilReadyAsync(CancellationToken ct);

    /// <summary>
    /// Builds and signs the registry's anchorBatch(<paramref name="root"/>, <paramref name="leafCount"/>, <paramref name="uri"/>)
    /// as the operator, without broadcasting it. With <paramref name="replacing"/> null it takes the operator's next free
    /// nonce (which counts as used from then on); otherwise it reuses <paramref name="replacing"/>'s nonce with fees high
    /// enough for the node to accept it as a replacement.
    /// </summary>
    /// <returns>The signed transaction, or null when the registry already holds the root (RootAlreadyAnchored).</returns>
    Task<AnchorTransaction?> SignAnchorAsync(byte[] root, int leafCount, string uri, AnchorTransaction? replacing, CancellationToken ct);

    /// <summary>
    /// A transaction signed at a new nonce will never be broadcast (it could not be stored): its nonce goes to the next
    /// signing, so no gap holds the operator's later transactions back.
    /// </summary>
    Task AbandonAsync(AnchorTransaction transaction, CancellationToken ct);

    /// <summary>Offers the signed bytes to the node; sending the same bytes again is harmless.</summary>
    /// <returns>
    /// <see cref="BroadcastResult.Accepted"/> when the node holds the transaction (new or already known);
    /// <see cref="BroadcastResult.NonceUsed"/> when its nonce is already taken by a mined transaction (this one or another).
    /// </returns>
    /// <exception cref="Exception">the node refused it for another reason, or could not be reached; the caller retries later.</exception>
    Task<BroadcastResult> BroadcastAsync(AnchorTransaction transaction, CancellationToken ct);

    /// <summary>Whether the transaction is unknown to the node, waiting in its pool, or mined (and with what outcome).</summary>
    Task<AnchorTransactionState> GetTransactionStateAsync(byte[] txHash, CancellationToken ct);

    /// <summary>The number of the newest block.</summary>
    Task<ulong> GetBlockNumberAsync(CancellationToken ct);

    /// <summary>The hash of the canonical block at <paramref name="number"/>, or null when there is none.</summary>
    Task<byte[]?> GetBlockHashAsync(ulong number, CancellationToken ct);

    /// <summary>Where the registry recorded <paramref name="root"/>, or null when it never did: the truth when reconciling.</summary>
    Task<RootAnchoring?> FindRootAsync(byte[] root, CancellationToken ct);
}
