namespace Trace.Node.Evm.Abi;

/// <summary>Raised when a contract ABI has no function, event or error of the requested name, or the name is overloaded.</summary>
public sealed class AbiLookupException(string message) : KeyNotFoundException(message);
