namespace Trace.Node.Lineage.Propagation;

/// <summary>A flag source under which no record is flagged (lineage harnesses without a registry).</summary>
public sealed class NoRegulatorFlags : IRegulatorFlagSource
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    /// <inheritdoc />
    public Task<IReadOnlySet<string>> OpenFlagsAsync(IReadOnlyCollection<string> recordIds, CancellationToken cancellationToken) => Task.FromResult(None);
}
