namespace Trace.Node.Access;

/// <summary>A sign-in or an access token refused (UNAUTHENTICATED); the message names the field and what is wrong.</summary>
public sealed class SignInRefusedException(string message) : Exception(message);
