using System.Numerics;
using Trace.Crypto;

namespace Trace.Node.Evm.Abi;

/// <summary>
/// A decoded contract revert: custom error (name, signature, named arguments), Error(string) (Reason),
/// Panic(uint256) (PanicCode), or an unknown selector (IsKnown false). Always carries the raw revert data.
/// </summary>
public sealed class ContractRevertException : Exception
{
    private static readonly IReadOnlyDictionary<string, object?> NoArguments = new Dictionary<string, object?>();

    internal ContractRevertException(string message, byte[] rawData, AbiError? error, IReadOnlyDictionary<string, object?>? arguments)
        : base(message)
    {
        RawData = rawData;
        ErrorName = error?.Name;
        Signature = error?.Signature;
        Arguments = arguments ?? NoArguments;
    }

    /// <summary>Error name ("Error", "Panic" or the custom error's name); null when unknown or empty.</summary>
    public string? ErrorName { get; }

    /// <summary>Canonical error signature, e.g. "AlreadyAnchored(bytes32)"; null when unknown.</summary>
    public string? Signature { get; }

    /// <summary>Decoded arguments by name (in declaration order).</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>The revert data as returned by the node.</summary>
    public byte[] RawData { get; }

    /// <summary>True when the data matched a known error and decoded.</summary>
    public bool IsKnown => ErrorName is not null;

    /// <summary>The message of an Error(string) revert.</summary>
    public string? Reason => ErrorName == "Error" && Signature == "Error(string)" ? Arguments["message"] as string : null;

    /// <summary>The code of a Panic(uint256) revert.</summary>
    public BigInteger? PanicCode => ErrorName == "Panic" && Signature == "Panic(uint256)" ? Arguments["code"] as BigInteger? : null;

    /// <summary>The first 4 bytes of the data as 0x hex ("0x" when shorter).</summary>
    public string SelectorHex => RawData.Length >= 4 ? Hex.Encode(RawData.AsSpan(0, 4)) : "0x";
}
