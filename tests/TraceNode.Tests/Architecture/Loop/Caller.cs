namespace Trace.Node.Tests.Architecture.Loop.Left;

/// <summary>Half of a namespace loop made on purpose: uses Right only inside a method body.</summary>
public sealed class Caller
{
    public int Call() => new Right.Callee().GetHashCode();
}
