using Microsoft.Extensions.Logging;

namespace Trace.Node.LocalChain;

/// <summary>Log events of the managed local chain (event ids 1100–1199).</summary>
internal static partial class Log
{
    [LoggerMessage(1100, LogLevel.Information, "Started anvil (pid {Pid}) at {RpcUrl}, state {StateFile}")]
    public static partial void AnvilStarted(ILogger logger, int pid, Uri rpcUrl, string stateFile);

    [LoggerMessage(1101, LogLevel.Information, "Stopped anvil (pid {Pid}), exit code {ExitCode}")]
    public static partial void AnvilStopped(ILogger logger, int pid, int exitCode);

    [LoggerMessage(1102, LogLevel.Error, "anvil (pid {Pid}) exited unexpectedly with code {ExitCode}")]
    public static partial void AnvilExitedUnexpectedly(ILogger logger, int pid, int exitCode);
}
