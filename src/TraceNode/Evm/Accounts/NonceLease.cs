namespace Trace.Node.Evm.Accounts;

/// <summary>A reserved nonce; call <see cref="Commit"/> once the transaction is broadcast, else disposing gives the nonce back.</summary>
public sealed class NonceLease : IDisposable
{
    private readonly NonceManager _owner;
    private bool _consumed;
    private bool _resync;
    private bool _done;

    internal NonceLease(NonceManager owner, ulong nonce)
    {
        _owner = owner;
        Nonce = nonce;
    }

    /// <summary>The reserved nonce.</summary>
    public ulong Nonce { get; }

    /// <summary>The node accepted a transaction with this nonce: the next lease gets Nonce + 1.</summary>
    public void Commit() => _consumed = true;

    /// <summary>The node disagrees about the nonce: the next lease re-reads it from the chain.</summary>
    public void Resync() => _resync = true;

    public void Dispose()
    {
        if (_done) return;
        _done = true;
        _owner.Complete(Nonce, _consumed, _resync);
    }
}
