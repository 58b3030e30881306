using Trace.Chain.Rpc;

namespace Trace.Chain.Contracts;

/// <summary>A decoded event: its name, its typed Nethereum event DTO, the DTO's arguments by name, and the log it came from.</summary>
public sealed record ContractEvent(string Name, object Dto, IReadOnlyDictionary<string, object?> Arguments, LogEntry Log)
{
    public object? this[string argument] => Arguments[argument];

    /// <summary>The typed event DTO.</summary>
    public TEvent As<TEvent>() => (TEvent)Dto;
}
