namespace Trace.Node.Evm.Abi;

/// <summary>Raised when bytes are not a valid ABI encoding (too short, bad offset or length, dirty padding).</summary>
public sealed class AbiDecodingException(string message) : FormatException(message);
