namespace Trace.Node.Lineage.Propagation;

/// <summary>The flag source until regulator flags exist (issue 14): no record is flagged.</summary>
public sealed class NoRegulatorFlags : IRegulatorFlagSource
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    /// <inheritdoc />
    public Task<IReadOnlySet<string>> OpenFlagsAsync(IReadOnlyCollection<string> recordIds, CancellationToken cancellationToken) => Task.FromResult(None);
}
