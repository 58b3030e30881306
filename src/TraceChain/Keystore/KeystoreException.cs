namespace Trace.Chain.Keystore;

/// <summary>Raised when a keystore cannot be opened: wrong password (MAC mismatch), malformed JSON, or an unsupported or missing field.</summary>
public sealed class KeystoreException(string message, Exception? inner = null) : Exception(message, inner);
