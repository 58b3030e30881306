namespace Trace.Node.Hosting;

/// <summary>
/// A start-up the operator must fix (wrong setting, unreachable chain): the host prints its one-line message and exits
/// with <see cref="ExitCode"/> (see <see cref="StartupExitCodes"/> and docs/operations.md), instead of a stack trace.
/// </summary>
public sealed class StartupFailureException(string setting, string message, int exitCode, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The setting to look at (e.g. "Chain:ChainId").</summary>
    public string Setting { get; } = setting;

    /// <summary>The process exit code.</summary>
    public int ExitCode { get; } = exitCode;

    /// <summary>The start-up failure in <paramref name="exception"/> or its inner exceptions, if any.</summary>
    public static StartupFailureException? Find(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is StartupFailureException failure) return failure;
            if (e is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions)
                    if (Find(inner) is { } found) return found;
        }
        return null;
    }
}
