namespace Trace.Node.Access;

/// <summary>A text that is not an EIP-4361 message; the message names the line and what is wrong.</summary>
public sealed class SiweFormatException(string where, string reason) : FormatException($"{where}: {reason}");
