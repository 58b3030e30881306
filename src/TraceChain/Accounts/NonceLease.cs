namespace Trace.Chain.Accounts;

/// <summary>A reserved nonce; call <see cref="Commit"/> once the transaction is broadcast, else disposing gives the nonce back.</summary>
public sealed class NonceLease : IDisposable
{
    private readonly NonceManager _owner;
    private readonly bool _reused;
    private bool _consumed;
    private bool _resync;
    private bool _done;

    internal NonceLease(NonceManager owner, ulong nonce, bool reused)
    {
        _owner = owner;
        _reused = reused;
        Nonce = nonce;
    }

    /// <summary>The reserved nonce.</summary>
    public ulong Nonce { get; }

    /// <summary>True when <see cref="Nonce"/> is a released one (its first transaction was dropped), filling a gap.</summary>
    public bool IsReused => _reused;

    /// <summary>The node accepted a transaction with this nonce.</summary>
    public void Commit() => _consumed = true;

    /// <summary>The node disagrees about the nonce: a new nonce is re-read from the chain, a reused one is forgotten.</summary>
    public void Resync() => _resync = true;

    public void Dispose()
    {
        if (_done) return;
        _done = true;
        _owner.Complete(Nonce, _reused, _consumed, _resync);
    }
}
