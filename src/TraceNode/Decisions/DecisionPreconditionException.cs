namespace Trace.Node.Decisions;

/// <summary>The request is well formed but the node's data cannot answer it (no default value for the CN code, a good not in mass units, ...): FAILED_PRECONDITION naming the field.</summary>
public sealed class DecisionPreconditionException(string field, string message) : Exception($"{field}: {message}")
{
    public string Field { get; } = field;
}
