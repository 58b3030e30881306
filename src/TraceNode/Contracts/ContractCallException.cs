using Trace.Node.Evm.Abi;

namespace Trace.Node.Contracts;

/// <summary>A contract call or transaction reverted; <see cref="Revert"/> names the custom error and its arguments.</summary>
public sealed class ContractCallException(string contract, string function, ContractRevertException revert)
    : Exception($"{contract}.{function} reverted: {revert.Message}", revert)
{
    public string Contract { get; } = contract;
    public string Function { get; } = function;
    public ContractRevertException Revert { get; } = revert;

    /// <summary>The custom error's name (e.g. "RootAlreadyAnchored"), "Error", "Panic", or null when unknown.</summary>
    public string? ErrorName => Revert.ErrorName;
}
