using Trace.Domain;

namespace Trace.Node.Lineage;

/// <summary>The default <see cref="ILineageIntake"/> until the lineage engine registers its own: accepts and records nothing more.</summary>
public sealed class NoLineageIntake : ILineageIntake
{
    public Task AcceptAsync(LineageSubmission submission, CancellationToken ct) => Task.CompletedTask;

    public Task CommittedAsync(LineageSubmission submission, EvidenceRecord stored, bool created, CancellationToken ct) => Task.CompletedTask;
}
