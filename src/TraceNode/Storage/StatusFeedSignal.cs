namespace Trace.Node.Storage;

/// <summary>
/// Wakes whoever tails the status-change feed when this process has committed new feed rows, so watchers wait on a
/// task instead of polling the database: with no change, an idle watcher costs no CPU at all.
/// </summary>
/// <remarks>
/// A waiter takes <see cref="NextWrite"/> before it reads the feed and awaits it only if the read found nothing, so a
/// write between the read and the wait is never missed. Only writes through this process's <see cref="TraceStore"/>
/// signal; the feed rows themselves stay the source of truth (ordered by sequence, read after the wake-up).
/// </remarks>
public sealed class StatusFeedSignal
{
    private TaskCompletionSource _next = NewSource();

    /// <summary>Completes at the next commit that wrote feed rows.</summary>
    public Task NextWrite => Volatile.Read(ref _next).Task;

    /// <summary>Called after a commit that wrote feed rows: completes the current <see cref="NextWrite"/> and arms a new one.</summary>
    public void Notify() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    // Asynchronous continuations: thousands of watchers resume on the pool, not inside the committing writer.
    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
