namespace Trace.Crypto;

/// <summary>Raised when text or bytes are not a valid Ethereum address (length, digits, EIP-55 checksum).</summary>
public sealed class InvalidAddressException(string message) : FormatException(message);
