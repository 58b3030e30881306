namespace Trace.Node.Assurance;

/// <summary>An unflag for a record on which the signer's regulator participant has no open flag (NOT_FOUND).</summary>
public sealed class FlagNotOpenException(string message) : Exception(message);
