namespace Trace.Node.Evm.Abi;

/// <summary>Raised when an ABI type name, signature or JSON ABI document is malformed.</summary>
public sealed class AbiFormatException(string message) : FormatException(message);
