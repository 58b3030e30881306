using Microsoft.Extensions.Logging;
using Trace.Domain;

namespace Trace.Node.Storage;

/// <summary>
/// Group commit for accepted claims: concurrent submissions are queued as Pending records in one transaction.
/// Each caller still returns only after its claim is durably committed (or found already there).
/// </summary>
public sealed class ClaimCommitQueue(TraceStore store, ILogger<ClaimCommitQueue> logger)
    : GroupCommitter<AcceptedClaim, AddClaimResult>(MaxGroup, logger)
{
    private const int MaxGroup = 512;

    /// <summary>Queues the claim and completes once it is committed (or found already there).</summary>
    public Task<AddClaimResult> AddAsync(AcceptedClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        claim.Validate();
        return CommitAsync(claim, cancellationToken);
    }

    protected override Task<IReadOnlyList<AddClaimResult>> CommitGroupAsync(IReadOnlyList<AcceptedClaim> items) =>
        store.AddAcceptedClaimsAsync(items, CancellationToken.None);

    protected override Task<AddClaimResult> CommitOneAsync(AcceptedClaim item) =>
        store.AddAcceptedClaimAsync(item, CancellationToken.None);
}
