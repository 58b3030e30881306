using Trace.Chain.Rpc;

namespace Trace.Chain.Contracts;

/// <summary>A contract call or transaction reverted; <see cref="Revert"/> names the custom error and its arguments.</summary>
public sealed class ContractCallException(string contract, string function, ContractRevertException revert, TransactionReceipt? receipt = null)
    : Exception($"{contract}.{function} reverted: {revert.Message}", revert)
{
    public string Contract { get; } = contract;
    public string Function { get; } = function;
    public ContractRevertException Revert { get; } = revert;

    /// <summary>
    /// The receipt when the transaction was mined and reverted (its nonce is used and its gas paid);
    /// null when the revert was caught by eth_call or gas estimation, before anything was sent.
    /// </summary>
    public TransactionReceipt? Receipt { get; } = receipt;

    /// <summary>The custom error's name (e.g. "RootAlreadyAnchored"), "Error", "Panic", or null when unknown.</summary>
    public string? ErrorName => Revert.ErrorName;

    /// <summary>The custom error as its typed DTO; null for Error(string), Panic and unknown data.</summary>
    public object? Error => Revert.Error;
}
