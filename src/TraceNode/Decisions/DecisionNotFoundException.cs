namespace Trace.Node.Decisions;

/// <summary>What the request names does not exist on this node (a batch, a record, CBAM goods in the period): NOT_FOUND naming the field.</summary>
public sealed class DecisionNotFoundException(string field, string message) : Exception($"{field}: {message}")
{
    public string Field { get; } = field;
}
