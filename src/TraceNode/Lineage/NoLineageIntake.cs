using Trace.Domain.Lineage;
using Trace.Node.Evidence;

namespace Trace.Node.Lineage;

/// <summary>The default <see cref="ILineageIntake"/> until the lineage engine registers its own: accepts and records nothing more.</summary>
public sealed class NoLineageIntake : ILineageIntake
{
    public Task AcceptAsync(LineageRecord record, ValidatedClaim claim, CancellationToken ct) => Task.CompletedTask;

    public Task CommittedAsync(LineageRecord record, ValidatedClaim claim, SubmissionResult result, CancellationToken ct) => Task.CompletedTask;
}
