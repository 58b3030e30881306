namespace Trace.Node.ContentAccess;

/// <summary>The caller may not read (or grant, or revoke) this content; the message says who may.</summary>
public sealed class ContentAccessDeniedException(string message) : Exception(message);
