using Microsoft.Extensions.Logging;
using Trace.Domain;

namespace Trace.Node.Storage;

/// <summary>
/// Group commit for accepted claims: concurrent submissions are queued as Pending records in one transaction.
/// Each caller still returns only after its claim is durably committed (or found already there). After each commit the
/// <see cref="IClaimQueueListener"/>s (the batcher) hear how many new claims wait, so no caller has to tell them.
/// With a <see cref="IRecordJournal"/>, each group's envelopes are written to it (one commit for the group) before the
/// index commits the group, so no acknowledged claim exists only in the index.
/// </summary>
public sealed class ClaimCommitQueue(TraceStore store, IEnumerable<IClaimQueueListener> listeners, ILogger<ClaimCommitQueue> logger,
    IRecordJournal? journal = null, TimeProvider? clock = null)
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
        items = await JournalAsync(items).ConfigureAwait(false);
        var results = await store.AddAcceptedClaimsAsync(items, CancellationToken.None).ConfigureAwait(false);
        var created = 0;
        foreach (var result in results)
            if (result.Created) created++;
        Notify(created);
        return results;
    }

    protected override async Task<AddClaimResult> CommitOneAsync(AcceptedClaim item)
    {
        item = (await JournalAsync([item]).ConfigureAwait(false))[0];
        var result = await store.AddAcceptedClaimAsync(item, CancellationToken.None).ConfigureAwait(false);
        if (result.Created) Notify(1);
        return result;
    }

    // The acceptance time is fixed here, before the envelope is written, so the envelope and the row hold the same one.
    private async Task<IReadOnlyList<AcceptedClaim>> JournalAsync(IReadOnlyList<AcceptedClaim> items)
    {
        if (journal is null) return items;
        var now = StorageTime.Normalize((clock ?? TimeProvider.System).GetUtcNow());
        var stamped = new AcceptedClaim[items.Count];
        for (var i = 0; i < stamped.Length; i++) stamped[i] = items[i].AcceptedAt is null ? items[i] with { AcceptedAt = now } : items[i];
        await journal.WriteEnvelopesAsync(stamped, [], CancellationToken.None).ConfigureAwait(false);
        return stamped;
    }

    private void Notify(int created)
    {
        if (created == 0) return;
        foreach (var listener in _listeners) listener.ClaimsQueued(created);
    }
}
