namespace Trace.Node.Storage;

/// <summary>
/// The node's queue for SQLite's one write lock: its transactions take turns here, first come first served, before they
/// begin, instead of polling for the lock in SQLite's busy handler. On PostgreSQL (row locks) there is no gate.
/// </summary>
/// <remarks>
/// SQLite's busy handler sleeps up to 100 ms between tries, and a writer that begins again right after it commits wins
/// the lock nearly every time. Under sustained lineage intake the single lineage writer did just that: the anchoring
/// pipeline and the registry-event follower waited past <c>busy_timeout</c> (5 s) and failed with "database is locked"
/// (retried, nothing lost, but logged as failures and delayed). The gate hands the lock on in arrival order within the
/// process. SQLite still arbitrates against other processes, and against writes outside these transactions, as before.
/// A turn holder must not wait for another turn (the gate is not reentrant): the transactions that take one never do.
/// </remarks>
public sealed class SqliteWriteGate
{
    private readonly SemaphoreSlim? _turn;
    private int _waiting; // only ever counted with a gate

    /// <param name="enabled">false: every turn is granted at once (PostgreSQL).</param>
    public SqliteWriteGate(bool enabled)
    {
        if (enabled) _turn = new SemaphoreSlim(1, 1);
    }

    /// <summary>How many transactions wait for their turn (0 without a gate).</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Waits for this transaction's turn (async waiters are served in arrival order); dispose the turn after the transaction ends.</summary>
    public async ValueTask<Turn> EnterAsync(CancellationToken cancellationToken)
    {
        if (_turn is null) return default;
        Interlocked.Increment(ref _waiting);
        try
        {
            await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
        return new Turn(_turn);
    }

    /// <summary>A held turn; disposing it lets the next transaction begin.</summary>
    public readonly struct Turn(SemaphoreSlim? held) : IDisposable
    {
        public void Dispose() => held?.Release();
    }
}
