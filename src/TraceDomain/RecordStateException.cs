namespace Trace.Domain;

/// <summary>The record exists but is not in a state that allows the request (e.g. a proof bundle for a PENDING record).</summary>
public sealed class RecordStateException(string message) : Exception(message);
