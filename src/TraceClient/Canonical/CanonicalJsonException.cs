namespace Trace.Client.Canonical;

/// <summary>Raised when JSON has no RFC 8785 canonical form: invalid JSON, duplicate keys, NaN/Infinity or out-of-range numbers, lone surrogates.</summary>
public sealed class CanonicalJsonException(string message) : FormatException(message);
