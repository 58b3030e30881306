using Trace.Node.Evm.Crypto;
using Trace.Node.Evm.Rpc;

namespace Trace.Node.Evm.Accounts;

/// <summary>
/// Hands out consecutive nonces for one account to concurrent senders. A lease holds the account's
/// lock from reservation until the transaction is broadcast (or abandoned), so two senders never
/// get the same nonce and an abandoned reservation leaves no gap.
/// </summary>
public sealed class NonceManager(EthRpc eth, EthereumAddress account)
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private ulong? _next;

    /// <summary>The account whose nonces this manager assigns.</summary>
    public EthereumAddress Account => account;

    /// <summary>Waits for the account, then reserves its next nonce. Dispose the lease to release the lock.</summary>
    public async Task<NonceLease> ReserveAsync(CancellationToken ct = default)
    {
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            _next ??= await eth.GetTransactionCountAsync(account, BlockTag.Pending, ct).ConfigureAwait(false);
            return new NonceLease(this, _next.Value);
        }
        catch
        {
            _lock.Release();
            throw;
        }
    }

    /// <summary>Forgets the cached nonce so the next reservation re-reads the chain (after a dropped or replaced transaction).</summary>
    public async Task ResyncAsync(CancellationToken ct = default)
    {
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        try { _next = null; }
        finally { _lock.Release(); }
    }

    internal void Complete(ulong nonce, bool consumed, bool resync)
    {
        if (resync) _next = null;
        else if (consumed) _next = nonce + 1;
        _lock.Release();
    }
}
