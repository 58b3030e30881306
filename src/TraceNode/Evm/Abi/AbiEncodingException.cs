namespace Trace.Node.Evm.Abi;

/// <summary>Raised when a value cannot be encoded as the requested ABI type (wrong CLR type, out of range, wrong length).</summary>
public sealed class AbiEncodingException(string message) : ArgumentException(message);
