using Trace.Chain.Rpc;
using Trace.Crypto;

namespace Trace.Chain.Accounts;

/// <summary>
/// Hands out nonces for one account to concurrent senders. A lease holds the account's lock from
/// reservation until the transaction is broadcast (or abandoned), so two senders never get the same
/// nonce and an abandoned reservation leaves no gap. A nonce whose transaction the node dropped is
/// <see cref="ReleaseAsync">released</see> and handed out again before any new one: later transactions
/// wait in the pool behind that gap, and only a transaction with that nonce lets them mine.
/// </summary>
public sealed class NonceManager(EthRpc eth, EthereumAddress account)
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly SortedSet<ulong> _released = [];
    private ulong? _next;

    /// <summary>The account whose nonces this manager assigns.</summary>
    public EthereumAddress Account => account;

    /// <summary>
    /// Waits for the account, then reserves the lowest released nonce still unmined, else the next new one.
    /// Dispose the lease to release the lock.
    /// </summary>
    public async Task<NonceLease> ReserveAsync(CancellationToken ct = default)
    {
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            _next ??= await eth.GetTransactionCountAsync(account, BlockTag.Pending, ct).ConfigureAwait(false);
            if (_released.Count > 0)
            {
                // A released nonce is no gap any more once it has been mined (the dropped transaction came back, or
                // another process used it), nor when it is not below the next new nonce (after a resync).
                var mined = await eth.GetTransactionCountAsync(account, BlockTag.Latest, ct).ConfigureAwait(false);
                var next = _next.Value;
                _released.RemoveWhere(n => n < mined || n >= next);
                if (_released.Count > 0) return new NonceLease(this, _released.Min, reused: true);
            }
            return new NonceLease(this, _next.Value, reused: false);
        }
        catch
        {
            _lock.Release();
            throw;
        }
    }

    /// <summary>
    /// The transaction with <paramref name="nonce"/> was dropped before it was mined: the nonce is free, and the
    /// next reservation reuses it so the account's nonce sequence has no gap.
    /// </summary>
    public async Task ReleaseAsync(ulong nonce, CancellationToken ct = default)
    {
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            _released.Add(nonce); // checked against the chain when the next nonce is reserved
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Forgets the cached nonce so the next reservation re-reads the chain's pending count.</summary>
    public async Task ResyncAsync(CancellationToken ct = default)
    {
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        try { _next = null; }
        finally { _lock.Release(); }
    }

    internal void Complete(ulong nonce, bool reused, bool consumed, bool resync)
    {
        if (reused)
        {
            // Accepted, or refused because something else took it meanwhile: either way the gap is gone.
            if (consumed || resync) _released.Remove(nonce);
        }
        else if (resync) _next = null;
        else if (consumed) _next = nonce + 1;
        _lock.Release();
    }
}
