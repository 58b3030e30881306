namespace Trace.Node.Assurance;

/// <summary>The signer's participant already has an open flag on the record, or already endorsed it (ALREADY_EXISTS).</summary>
public sealed class MarkAlreadyExistsException(string message) : Exception(message);
