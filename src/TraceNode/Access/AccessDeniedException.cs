namespace Trace.Node.Access;

/// <summary>A signed-in caller asking for something its roles or keys do not allow (PERMISSION_DENIED); the message says why.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);
