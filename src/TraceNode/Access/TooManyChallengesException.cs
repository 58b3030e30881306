namespace Trace.Node.Access;

/// <summary>Trace:Access:MaxOpenChallenges unexpired challenges are open: a new one is refused (RESOURCE_EXHAUSTED).</summary>
public sealed class TooManyChallengesException() : Exception("too many open sign-in challenges; retry later");
