using Microsoft.Extensions.Logging;
using Trace.Domain;

namespace Trace.Node.Storage;

/// <summary>
/// Group commit for accepted claims: concurrent submissions are queued as Pending records in one transaction.
/// Each caller still returns only after its claim is durably committed (or found already there). After each commit the
/// <see cref="IClaimQueueListener"/>s (the batcher) hear how many new claims wait, so no caller has to tell them.
/// </summary>
public sealed class ClaimCommitQueue(TraceStore store, IEnumerable<IClaimQueueListener> listeners, ILogger<ClaimCommitQueue> logger)
    : GroupCommitter<AcceptedClaim, AddClaimResult>(MaxGroup, logger)
{
    private const int MaxGroup = 512;
    private readonly IClaimQueueListener[] _listeners = [.. listeners];

    /// <summary>Queues the claim and completes once it is committed (or found already there).</summary>
    public Task<AddClaimResult> AddAsync(AcceptedClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        claim.Validate();
        return CommitAsync(claim, cancellationToken);
    }

    protected override async Task<IReadOnlyList<AddClaimResult>> CommitGroupAsync(IReadOnlyList<AcceptedClaim> items)
    {
        var results = await store.AddAcceptedClaimsAsync(items, CancellationToken.None).ConfigureAwait(false);
        var created = 0;
        foreach (var result in results)
            if (result.Created) created++;
        Notify(created);
        return results;
    }

    protected override async Task<AddClaimResult> CommitOneAsync(AcceptedClaim item)
    {
        var result = await store.AddAcceptedClaimAsync(item, CancellationToken.None).ConfigureAwait(false);
        if (result.Created) Notify(1);
        return result;
    }

    private void Notify(int created)
    {
        if (created == 0) return;
        foreach (var listener in _listeners) listener.ClaimsQueued(created);
    }
}
