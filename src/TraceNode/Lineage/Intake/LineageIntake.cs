using System.Runtime.ExceptionServices;
using Trace.Domain;
using Trace.Domain.Lineage;
using Trace.Node.Storage;

namespace Trace.Node.Lineage.Intake;

/// <summary>The real <see cref="ILineageIntake"/>: hands the record to the lineage's single writer and reports its outcome.</summary>
public sealed class LineageIntake(LineageCommitQueue commits) : ILineageIntake
{
    /// <inheritdoc />
    public async Task<AddClaimResult> AcceptAsync(LineageRecord record, AcceptedClaim claim, CancellationToken cancellationToken, ReadOnlyMemory<byte> content = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(claim);
        var outcome = await commits.AddAsync(new LineageSubmission(record, claim, content), cancellationToken).ConfigureAwait(false);
        if (outcome.Refusal is not null) ExceptionDispatchInfo.Throw(outcome.Refusal);
        return outcome.Result!;
    }
}
