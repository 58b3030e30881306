namespace Trace.Cli.Cli;

/// <summary>A command cannot go on; the message is for the user and the exit code says why (see <see cref="ExitCodes"/>).</summary>
internal sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static CliException BadInput(string message) => new(ExitCodes.BadInput, message);
}
