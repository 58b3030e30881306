using Trace.Node.Evm.Rpc;

namespace Trace.Node.Contracts;

/// <summary>A mined contract transaction with its events decoded by the contract's ABI.</summary>
public sealed record ContractReceipt(TransactionReceipt Receipt, IReadOnlyList<ContractEvent> Events)
{
    /// <summary>The first event named <paramref name="name"/>.</summary>
    public ContractEvent Event(string name) =>
        Events.FirstOrDefault(e => e.Name == name) ?? throw new InvalidOperationException($"the transaction emitted no {name} event");
}
