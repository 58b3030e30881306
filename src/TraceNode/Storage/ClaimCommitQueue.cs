using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Trace.Node.Storage;

/// <summary>
/// Group commit for accepted claims: concurrent submissions wait together and are written in one transaction,
/// so a burst costs one disk sync instead of one per claim. Each caller still returns only after its claim is
/// durably committed.
/// </summary>
public sealed partial class ClaimCommitQueue : IAsyncDisposable
{
    private const int MaxGroup = 512;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TraceStore _store;
    private readonly ILogger<ClaimCommitQueue> _logger;
    private readonly Task _writer;

    public ClaimCommitQueue(TraceStore store, ILogger<ClaimCommitQueue> logger)
    {
        _store = store;
        _logger = logger;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Queues the claim and completes once it is committed (or found already there).</summary>
    public async Task<AddClaimResult> AddAsync(AcceptedClaim claim, CancellationToken cancellationToken)
    {
        claim.Validate();
        var pending = new Pending(claim, new TaskCompletionSource<AddClaimResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending)) throw new InvalidOperationException("the claim queue is shut down");
        // The commit goes on even if this caller gives up: the claim may already be in the open transaction.
        return await pending.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        var group = new List<Pending>(MaxGroup);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            group.Clear();
            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var item)) group.Add(item);
            if (group.Count == 0) continue;
            try
            {
                var results = await _store.AddAcceptedClaimsAsync(group.ConvertAll(p => p.Claim), CancellationToken.None).ConfigureAwait(false);
                for (var i = 0; i < group.Count; i++) group[i].Done.TrySetResult(results[i]);
            }
            catch (Exception ex)
            {
                // One bad row (or a race with another node) must not fail its neighbours: retry them one by one.
                LogGroupFailed(_logger, ex, group.Count);
                foreach (var pending in group)
                {
                    try { pending.Done.TrySetResult(await _store.AddAcceptedClaimAsync(pending.Claim, CancellationToken.None).ConfigureAwait(false)); }
                    catch (Exception single) { pending.Done.TrySetException(single); }
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private sealed record Pending(AcceptedClaim Claim, TaskCompletionSource<AddClaimResult> Done);

    [LoggerMessage(2100, LogLevel.Warning, "Group commit of {Count} claims failed; committing them one by one")]
    private static partial void LogGroupFailed(ILogger logger, Exception exception, int count);
}
