namespace Trace.Node.Tests.Architecture.Loop.Right;

/// <summary>The other half of the loop: holds a Left in a property.</summary>
public sealed class Callee
{
    public Left.Caller? Back { get; set; }
}
