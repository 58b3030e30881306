using Trace.Node.Evm.Rpc;

namespace Trace.Node.Contracts;

/// <summary>A decoded event: its name, named arguments and the log it came from.</summary>
public sealed record ContractEvent(string Name, IReadOnlyDictionary<string, object?> Arguments, LogEntry Log)
{
    public object? this[string argument] => Arguments[argument];
}
