using Trace.Chain.Rpc;

namespace Trace.Chain.Contracts;

/// <summary>A mined contract transaction with its events decoded into the contract's event DTOs.</summary>
public sealed record ContractReceipt(TransactionReceipt Receipt, IReadOnlyList<ContractEvent> Events)
{
    /// <summary>The first event named <paramref name="name"/>.</summary>
    public ContractEvent Event(string name) =>
        Events.FirstOrDefault(e => e.Name == name) ?? throw new InvalidOperationException($"the transaction emitted no {name} event");

    /// <summary>The first event decoded as <typeparamref name="TEvent"/>.</summary>
    public TEvent Event<TEvent>() =>
        Events.Select(e => e.Dto).OfType<TEvent>().FirstOrDefault() ?? throw new InvalidOperationException($"the transaction emitted no {typeof(TEvent).Name}");
}
