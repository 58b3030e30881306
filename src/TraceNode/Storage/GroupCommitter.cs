using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Trace.Node.Storage;

/// <summary>
/// Group commit: items from concurrent callers are written together in one transaction, so a burst costs one disk
/// flush instead of one per item. Each caller still returns only after its own item is durable.
/// </summary>
/// <remarks>
/// One writer drains the queue, so groups form by themselves under load: while a group is being flushed the next
/// callers queue up behind it. When a group fails as a whole, its items are retried one by one so that one bad item
/// cannot fail its neighbours.
/// </remarks>
public abstract partial class GroupCommitter<TItem, TResult> : IAsyncDisposable
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly int _maxGroup;
    private readonly ILogger _logger;
    private readonly Lazy<Task> _writer;

    protected GroupCommitter(int maxGroup, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxGroup, 1);
        _maxGroup = maxGroup;
        _logger = logger;
        // Started on first use, so the loop never runs before a derived constructor has finished.
        _writer = new Lazy<Task>(() => Task.Run(WriteLoopAsync));
    }

    /// <summary>How many items wait for the writer (not counting the group it is writing).</summary>
    public int Queued => Volatile.Read(ref _queued);

    // The single-reader channel cannot count its items.
    private int _queued;

    /// <summary>Queues the item and completes once it is committed.</summary>
    /// <remarks>Cancelling stops the wait, not the commit: the item may already be in the open transaction.</remarks>
    protected async Task<TResult> CommitAsync(TItem item, CancellationToken cancellationToken)
    {
        var pending = new Pending(item, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        Interlocked.Increment(ref _queued);
        if (!_queue.Writer.TryWrite(pending))
        {
            Interlocked.Decrement(ref _queued);
            throw new ObjectDisposedException(GetType().Name, "the commit queue is shut down");
        }
        _ = _writer.Value;
        return await pending.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the group in one transaction; results in input order.</summary>
    protected abstract Task<IReadOnlyList<TResult>> CommitGroupAsync(IReadOnlyList<TItem> items);

    /// <summary>Writes one item on its own, after its group failed.</summary>
    protected abstract Task<TResult> CommitOneAsync(TItem item);

    private async Task WriteLoopAsync()
    {
        var group = new List<Pending>(_maxGroup);
        var items = new List<TItem>(_maxGroup);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            group.Clear();
            items.Clear();
            while (group.Count < _maxGroup && _queue.Reader.TryRead(out var next))
            {
                Interlocked.Decrement(ref _queued);
                group.Add(next);
                items.Add(next.Item);
            }
            if (group.Count == 0) continue;
            try
            {
                var results = await CommitGroupAsync(items).ConfigureAwait(false);
                for (var i = 0; i < group.Count; i++) group[i].Done.TrySetResult(results[i]);
            }
            catch (Exception ex)
            {
                LogGroupFailed(_logger, ex, GetType().Name, group.Count);
                foreach (var pending in group)
                {
                    try { pending.Done.TrySetResult(await CommitOneAsync(pending.Item).ConfigureAwait(false)); }
                    catch (Exception single) { pending.Done.TrySetException(single); }
                }
            }
        }
    }

    /// <summary>Stops taking items and waits for the ones queued to be committed.</summary>
    public virtual async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writer.IsValueCreated) await _writer.Value.ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    private sealed record Pending(TItem Item, TaskCompletionSource<TResult> Done);

    [LoggerMessage(2100, LogLevel.Warning, "{Queue}: group commit of {Count} items failed; committing them one by one")]
    private static partial void LogGroupFailed(ILogger logger, Exception exception, string queue, int count);
}
