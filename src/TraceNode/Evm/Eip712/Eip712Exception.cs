namespace Trace.Node.Evm.Eip712;

/// <summary>Raised when typed data is malformed: unknown or missing types, missing fields, values that do not fit their type.</summary>
public sealed class Eip712Exception(string message, Exception? inner = null) : FormatException(message, inner);
