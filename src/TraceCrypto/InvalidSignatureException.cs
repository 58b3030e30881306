namespace Trace.Crypto;

/// <summary>Raised when an ECDSA signature is malformed, out of range, or recovers no public key.</summary>
public sealed class InvalidSignatureException(string message) : FormatException(message);
