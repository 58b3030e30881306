using System.Numerics;
using Trace.Crypto;

namespace Trace.Chain.Contracts;

/// <summary>
/// A decoded contract revert: a custom error decoded into its typed Nethereum error DTO (<see cref="Error"/>),
/// Error(string) (<see cref="Reason"/>), Panic(uint256) (<see cref="PanicCode"/>), or an unknown selector
/// (<see cref="IsKnown"/> false). Always carries the raw revert data.
/// </summary>
public sealed class ContractRevertException : Exception
{
    private static readonly IReadOnlyDictionary<string, object?> NoArguments = new Dictionary<string, object?>();

    internal ContractRevertException(string message, byte[] rawData, string? errorName, string? signature, object? error,
        IReadOnlyDictionary<string, object?>? arguments)
        : base(message)
    {
        RawData = rawData;
        ErrorName = errorName;
        Signature = signature;
        Error = error;
        Arguments = arguments ?? NoArguments;
    }

    /// <summary>Error name ("Error", "Panic" or the custom error's name); null when unknown or empty.</summary>
    public string? ErrorName { get; }

    /// <summary>Canonical error signature, e.g. "RootAlreadyAnchored(bytes32,uint48)"; null when unknown.</summary>
    public string? Signature { get; }

    /// <summary>The custom error as its typed DTO (e.g. <c>RootAlreadyAnchoredError</c>); null for Error, Panic and unknown data.</summary>
    public object? Error { get; }

    /// <summary>Decoded arguments by name, in declaration order (addresses as EthereumAddress, integers as BigInteger), for messages and diagnostics.</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>The revert data as returned by the node.</summary>
    public byte[] RawData { get; }

    /// <summary>True when the data matched a known error and decoded.</summary>
    public bool IsKnown => ErrorName is not null;

    /// <summary>True when the revert is the custom error <typeparamref name="TError"/>.</summary>
    public bool Is<TError>() => Error is TError;

    /// <summary>The message of an Error(string) revert.</summary>
    public string? Reason => Signature == "Error(string)" ? Arguments["message"] as string : null;

    /// <summary>The code of a Panic(uint256) revert.</summary>
    public BigInteger? PanicCode => Signature == "Panic(uint256)" ? Arguments["code"] as BigInteger? : null;

    /// <summary>The first 4 bytes of the data as 0x hex ("0x" when shorter).</summary>
    public string SelectorHex => RawData.Length >= 4 ? Hex.Encode(RawData.AsSpan(0, 4)) : "0x";
}
