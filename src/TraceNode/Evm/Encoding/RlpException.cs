namespace Trace.Node.Evm.Encoding;

/// <summary>Raised when bytes are not canonical RLP, or an RLP value does not have the shape the caller expects.</summary>
public sealed class RlpException(string message) : FormatException(message);
